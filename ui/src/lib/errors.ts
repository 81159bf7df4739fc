// A command's error in the user's language: the shell sends a stable code and its facts
// (`CommandError`); the words are the UI's. Each table is keyed by every `ErrorCode`, so a
// code the Rust side adds without a message here is a type error.

import type { CommandError, ErrorCode, ErrorParams } from "../bindings";
import type { Lang } from "./format";

type Describe = (p: ErrorParams) => string;

/** The cause in the system's own words, after the message, when there is one. */
function detail(p: ErrorParams, open: string, close: string): string {
  return p.detail ? `${open}${p.detail}${close}` : "";
}

const ja: Record<ErrorCode, Describe> = {
  invalid_report: (p) => `報告書として正しくありません${detail(p, "（", "）")}。`,
  database: (p) => `データベースの処理に失敗しました${detail(p, "（", "）")}。この変更は保存されていません。もう一度お試しください。`,
  io: (p) => `ファイル ${p.path ?? ""} を読み書きできません${detail(p, "（", "）")}。`,
  report_not_found: (p) => `報告書（ID ${p.name}）が見つかりません。削除された可能性があります。`,
  revision_not_found: (p) => `報告書（ID ${p.name}）に第${p.revision}版はありません。履歴を確認してください。`,
  template_not_found: (p) => `テンプレート「${p.name}」が見つかりません。`,
  template_exists: (p) => `テンプレート「${p.name}」は既にあります。別の名前にするか、先に削除してください。`,
  template_name_missing: () => "テンプレートの名前を入力してください。",
  database_newer: (p) =>
    `${p.path} は新しい版の Rapporteur で作られたデータベースです（スキーマ ${p.found}、この版は ${p.known} まで）。変更せずにそのままにしています。Rapporteur を更新してください。`,
  not_a_database: (p) => `${p.path} は Rapporteur のデータベースではありません${detail(p, "（", "）")}。ファイルは変更していません。`,
  folder_not_creatable: (p) => `データベースのフォルダー ${p.path} を作れません${detail(p, "（", "）")}。`,
  no_data_folder: () => "データを置くフォルダーがわかりません。RAPPORTEUR_DB か XDG_DATA_HOME を設定してください。",
  database_busy: (p) =>
    `別の Rapporteur の画面か rapporteur-cli が 5 秒以上データベース（${p.path}）を使用中でした。この変更は保存されていません。もう一度お試しください。`,
  disk_full: (p) => `ディスクがいっぱいです（${p.path}）。この変更は保存されず、データベースは元のままです。空き容量を作ってからもう一度お試しください。`,
  database_read_only: (p) =>
    `データベース（${p.path}）に書き込めません（ファイルかフォルダーが読み取り専用です）。何も変更していません。書き込めるようにするか、RAPPORTEUR_DB で書き込めるフォルダーのデータベースを指定してください。`,
  database_cannot_open: (p) =>
    `データベース（${p.path}）を開けません${detail(p, "（", "）")}。何も変更していません。フォルダーがあり書き込めるか確認するか、RAPPORTEUR_DB を設定してください。`,
  database_damaged: (p) =>
    `データベース（${p.path}）が壊れています${detail(p, "（", "）")}。そのままにしています。バックアップから戻してください（rapporteur-cli backup list、backup restore 名前）。`,
  database_in_use: (p) => `別の Rapporteur の画面か rapporteur-cli がデータベース（${p.path}）を開いています。何も変更していません。それらを閉じてからもう一度お試しください。`,
  backup_empty: (p) => `バックアップ ${p.path} には報告書がありません。戻すとデータベースが空になるため、何も変更していません。`,
  backup_not_found: (p) => `${p.path} にバックアップ「${p.name}」はありません。`,
  backup_disk_full: (p) => `ディスクがいっぱいで、バックアップを ${p.path} に作れませんでした。データベースは元のままです。空き容量を作ってからもう一度お試しください。`,
  backups_read_only: (p) => `バックアップのフォルダー ${p.path} に書き込めません。バックアップは作られず、データベースは元のままです。フォルダーを書き込めるようにしてからもう一度お試しください。`,
  database_not_replaceable: (p) =>
    `データベースのファイル ${p.path} を置き換えられません（読み取り専用か変更不可の設定です）。何も変更していません。書き込めるようにしてからもう一度お試しください。`,
  not_chosen: () => "このファイルはファイル選択の画面で選ばれていません。読み書きするファイルはその画面で選んでください。",
  word_template_refused: (p) =>
    `${p.path} は Word のテンプレートとして使えません${detail(p, "（", "）")}。報告書のテンプレートは前のままです。`,
};

const en: Record<ErrorCode, Describe> = {
  invalid_report: (p) => `This is not a valid report${detail(p, " (", ")")}.`,
  database: (p) => `The database failed${detail(p, " (", ")")}. This change was not saved: try again.`,
  io: (p) => `The file ${p.path ?? ""} cannot be read or written${detail(p, " (", ")")}.`,
  report_not_found: (p) => `There is no report with id ${p.name}; it may have been deleted.`,
  revision_not_found: (p) => `Report ${p.name} has no revision ${p.revision}: see its history.`,
  template_not_found: (p) => `There is no template named “${p.name}”.`,
  template_exists: (p) => `A template named “${p.name}” already exists: choose another name or delete it first.`,
  template_name_missing: () => "A template needs a name.",
  database_newer: (p) =>
    `${p.path} was made by a newer version of Rapporteur (schema ${p.found}; this version knows up to ${p.known}). It was left untouched: update Rapporteur.`,
  not_a_database: (p) => `${p.path} is not a Rapporteur database${detail(p, " (", ")")}. The file was left as it is.`,
  folder_not_creatable: (p) => `The database folder ${p.path} cannot be created${detail(p, " (", ")")}.`,
  no_data_folder: () => "There is no folder for the data: set RAPPORTEUR_DB or XDG_DATA_HOME.",
  database_busy: (p) =>
    `Another Rapporteur window or rapporteur-cli kept the database (${p.path}) busy for more than 5 s. This change was not saved: try again.`,
  disk_full: (p) => `The disk is full (${p.path}). This change was not saved and the database is as it was: free some space and try again.`,
  database_read_only: (p) =>
    `The database (${p.path}) cannot be written: the file or its folder is read-only. Nothing was changed: make them writable, or set RAPPORTEUR_DB to a database in a writable folder.`,
  database_cannot_open: (p) =>
    `The database (${p.path}) cannot be opened${detail(p, " (", ")")}. Nothing was changed: check that its folder exists and can be written, or set RAPPORTEUR_DB.`,
  database_damaged: (p) =>
    `The database (${p.path}) is damaged${detail(p, " (", ")")}. It was left as it is: put back a backup (rapporteur-cli backup list, then backup restore NAME).`,
  database_in_use: (p) => `Another Rapporteur window or rapporteur-cli has the database (${p.path}) open. Nothing was changed: close them and try again.`,
  backup_empty: (p) => `The backup ${p.path} holds no reports; restoring it would empty the database, so nothing was changed.`,
  backup_not_found: (p) => `There is no backup named ${p.name} in ${p.path}.`,
  backup_disk_full: (p) => `The disk is full: no backup could be made in ${p.path}, and the database is as it was. Free some space and try again.`,
  backups_read_only: (p) => `The backups folder ${p.path} cannot be written: no backup was made, and the database is as it was. Make the folder writable and try again.`,
  database_not_replaceable: (p) =>
    `The database file ${p.path} cannot be replaced (it is read-only or immutable). Nothing was changed: make it writable and try again.`,
  not_chosen: () => "This file was not chosen in the file dialog: choose the file to read or write there.",
  word_template_refused: (p) =>
    `${p.path} cannot be used as a Word template${detail(p, " (", ")")}. The report's template is as it was.`,
};

export const errorMessages: Readonly<Record<Lang, Record<ErrorCode, Describe>>> = { ja, en };

/** The error as the user reads it, in `lang`. */
export function describeError(error: CommandError, lang: Lang): string {
  return errorMessages[lang][error.code](error.params);
}
