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

/** A size in bytes as people read it: whole MiB when it is one, else bytes. */
function bytes(n: number | null, unit: string): string {
  if (n === null) return "";
  const mib = 1024 * 1024;
  return n >= mib && n % mib === 0 ? `${n / mib} MiB` : `${n.toLocaleString("en")} ${unit}`;
}

/** Where in a report file a value is (its JSON path), before the message. */
function place(p: ErrorParams, sep: string): string {
  return p.place ? `${p.place}${sep}` : "";
}

const jaKinds: Record<string, string> = {
  folder: "フォルダー",
  named_pipe: "名前付きパイプ",
  socket: "ソケット",
  device: "デバイス",
  special_file: "特殊なファイル",
};
const enKinds: Record<string, string> = {
  folder: "a folder",
  named_pipe: "a named pipe",
  socket: "a socket",
  device: "a device",
  special_file: "a special file",
};

// What is wrong with a damaged share file or shared-folder file (`found`); the CRDT
// library's own words stay in the English message, for logs and the command line.
const jaDamage: Record<string, string> = {
  cut_short: "途中で切れています",
  unreadable: "中身が壊れていて読めません",
  missing_history: "前提となる編集の記録が欠けています",
  no_report: "報告書が入っていません",
  invalid_report: "取り込むと報告書として正しくなくなります",
  newer: "新しい版の Rapporteur で作られています",
  foreign: "Rapporteur のファイルではありません",
};
const enDamage: Record<string, string> = {
  cut_short: "is cut short",
  unreadable: "is damaged and cannot be read",
  missing_history: "lacks part of the history of edits it builds on",
  no_report: "holds no report",
  invalid_report: "would not leave a valid report once merged",
  newer: "was made by a newer version of Rapporteur",
  foreign: "is not a Rapporteur file",
};

const ja: Record<ErrorCode, Describe> = {
  invalid_report: (p) =>
    `${p.path ? `${p.path} は` : ""}報告書として正しくありません（${place(p, "：")}${p.detail ?? ""}）。`,
  report_file_not_json: (p) => `${p.path ?? "報告書ファイル"} は JSON として読めません（${p.line}行${p.column}列：${p.detail ?? ""}）。`,
  report_file_newer: (p) =>
    `${p.path ?? "この報告書ファイル"} は新しい版の Rapporteur で作られています（ファイル形式 ${p.found}、この版は ${p.known} まで）。Rapporteur を更新してください。`,
  report_too_large: (p) =>
    `報告書が大きすぎます（報告書ファイルにして ${bytes(Number(p.found), "バイト")}、上限 ${bytes(p.limit, "バイト")}）。短くするか二つに分けてください。`,
  report_too_deep: (p) => `${place(p, "：")}節の入れ子が深すぎます（${p.found} 段、上限 ${p.limit} 段）。`,
  share_file_not_one: (p) => `${p.path ?? "このファイル"} は共同執筆用の共有ファイル（.rapporteur）ではありません。何も変更していません。`,
  share_file_newer: (p) =>
    `${p.path ?? "この共有ファイル"} は新しい版の Rapporteur で作られています（共有ファイル形式 ${p.found}、この版は ${p.known} まで）。Rapporteur を更新してから取り込んでください。何も変更していません。`,
  share_file_damaged: (p) =>
    `${p.path ?? "この共有ファイル"} は壊れているか途中で切れています（${jaDamage[p.found ?? ""] ?? jaDamage.unreadable}）。送り直してもらってください。何も変更していません。`,
  share_file_other_report: (p) =>
    `${p.path ?? "この共有ファイル"} は別の報告書のものです。この報告書の写しではないため、統合できません。何も変更していません。`,
  co_authoring_failed: (p) => `共同執筆の記録を読み書きできませんでした${detail(p, "（", "）")}。この変更は保存されていません。`,
  database: (p) => `データベースの処理に失敗しました${detail(p, "（", "）")}。この変更は保存されていません。もう一度お試しください。`,
  io: (p) => `ファイル ${p.path ?? ""} を読み書きできません${detail(p, "（", "）")}。`,
  file_not_readable: (p) => `ファイル ${p.path} を読めません${detail(p, "（", "）")}。`,
  not_a_file: (p) => `${p.path} は${jaKinds[p.found ?? ""] ?? "特殊なファイル"}で、ファイルではありません。読めるのは通常のファイルだけです。`,
  file_too_large: (p) => `ファイル ${p.path} は大きすぎます（上限 ${bytes(p.limit, "バイト")}）。`,
  file_not_utf8: (p) =>
    `ファイル ${p.path} は読み込める種類のファイルではありません（${p.found} バイト目から UTF-8 のテキストとして読めません）。読み込めるのは Word ファイル（.docx）、報告書のテキスト（UTF-8）、報告書ファイル（.report.json）です。`,
  file_empty: (p) => `ファイル ${p.path} には文字がありません。`,
  file_not_writable: (p) => `ファイル ${p.path} に書き込めません${detail(p, "（", "）")}。別の場所を選んでください。`,
  export_over_database: (p) =>
    `${p.path} はデータベースかそのバックアップです。何も書き込んでいません。別のファイルを選んでください。`,
  export_failed: (p) => `Word ファイルを作れませんでした${detail(p, "（", "）")}。Rapporteur の不具合です。`,
  not_a_published_report: (p) =>
    `${p.path} は会合報告として読めません。表題（「${p.name ?? ""}」）の後に、番号付きの節見出し（「1. はじめに」など）も会合の概要も課題もありません。`,
  import_too_large: (p) =>
    `${p.path} の文章は報告書に収まりません（${bytes(Number(p.found), "バイト")}以上、上限 ${bytes(p.limit, "バイト")}）。`,
  word_not_zip: (p) => `${p.path} は Word ファイルではありません${detail(p, "（", "）")}。`,
  word_too_many_parts: (p) => `Word ファイル ${p.path} の部品が多すぎます（${p.found} 個、上限 ${p.limit} 個）。`,
  word_part_too_large: (p) => `Word ファイル ${p.path} の部品 ${p.place} は展開すると大きすぎます（上限 ${bytes(p.limit, "バイト")}）。`,
  word_zip_bomb: (p) =>
    `Word ファイル ${p.path} の部品 ${p.place} は圧縮率が高すぎます（${p.found}:1 以上、上限 ${p.limit}:1）。壊れたファイルか、攻撃のためのファイルかもしれません。`,
  word_no_document: (p) => `Word ファイル ${p.path} には本文（word/document.xml）がありません。`,
  word_xml_doctype: (p) => `Word ファイル ${p.path} の本文に DOCTYPE 宣言があります。Word ファイルにはないもののため、読みません。`,
  word_xml_entity: (p) => `Word ファイル ${p.path} の本文が宣言されていない実体 &${p.name}; を使っています。読みません。`,
  word_xml_too_deep: (p) => `Word ファイル ${p.path} の本文の入れ子が深すぎます（${p.found} 段、上限 ${p.limit} 段）。`,
  word_xml_malformed: (p) => `Word ファイル ${p.path} の本文が XML として壊れています（${p.found} バイト目${detail(p, "：", "")}）。`,
  template_needs_word: () => "Word テンプレートを使えるのは Word ファイルへの書き出しだけです。",
  kept_template_unusable: (p) =>
    `この報告書に保存した Word テンプレート ${p.name} が使えなくなっています${detail(p, "（", "）")}。別のテンプレートか Rapporteur の書式を選んでください。`,
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
  author_name_missing: () => "名前が空です。共同執筆者にあなたの変更と分かる名前を入れてください。",
  shared_folder_missing: (p) =>
    `共有フォルダー ${p.path ?? ""} が見つかりません。同期がまだ済んでいないか、ネットワークドライブが接続されていない可能性があります。`,
  shared_folder_not_linked: () => "この報告書は共有フォルダーにつながっていません。",
  shared_folder_file_refused: (p) =>
    `共有フォルダーのファイル ${p.path ?? ""} は今回は取り込みませんでした（${jaDamage[p.found ?? ""] ?? jaDamage.unreadable}）。同期の途中なら、そろった時点で取り込みます。何も失われていません。`,
  not_chosen: () => "このファイルはファイル選択の画面で選ばれていません。読み書きするファイルはその画面で選んでください。",
  word_template_refused: (p) =>
    `${p.path} は Word のテンプレートとして使えません${detail(p, "（", "）")}。報告書のテンプレートは前のままです。`,
};

const en: Record<ErrorCode, Describe> = {
  invalid_report: (p) => `${p.path ? `${p.path} is` : "This is"} not a valid report (${place(p, ": ")}${p.detail ?? ""}).`,
  report_file_not_json: (p) =>
    `${p.path ?? "The report file"} is not valid JSON (line ${p.line}, column ${p.column}: ${p.detail ?? ""}).`,
  report_file_newer: (p) =>
    `${p.path ?? "This report file"} was made by a newer version of Rapporteur (report format ${p.found}; this version reads up to ${p.known}): update Rapporteur.`,
  report_too_large: (p) =>
    `The report is too large (${bytes(Number(p.found), "bytes")} as a report file; at most ${bytes(p.limit, "bytes")}): shorten it or split it in two.`,
  report_too_deep: (p) => `${place(p, ": ")}sections are nested too deeply (${p.found} levels; at most ${p.limit}).`,
  share_file_not_one: (p) => `${p.path ?? "This file"} is not a co-authoring share file (.rapporteur). Nothing was changed.`,
  share_file_newer: (p) =>
    `${p.path ?? "This share file"} was made by a newer version of Rapporteur (share format ${p.found}; this version reads up to ${p.known}): update Rapporteur, then open it again. Nothing was changed.`,
  share_file_damaged: (p) =>
    `${p.path ?? "This share file"} is damaged or incomplete (it ${enDamage[p.found ?? ""] ?? enDamage.unreadable}): ask for it again. Nothing was changed.`,
  share_file_other_report: (p) =>
    `${p.path ?? "This share file"} holds another report, not a copy of this one, so it cannot be merged. Nothing was changed.`,
  co_authoring_failed: (p) => `The co-authoring record could not be read or written${detail(p, " (", ")")}. This change was not saved.`,
  database: (p) => `The database failed${detail(p, " (", ")")}. This change was not saved: try again.`,
  io: (p) => `The file ${p.path ?? ""} cannot be read or written${detail(p, " (", ")")}.`,
  file_not_readable: (p) => `The file ${p.path} cannot be read${detail(p, " (", ")")}.`,
  not_a_file: (p) => `${p.path} is ${enKinds[p.found ?? ""] ?? "a special file"}, not a file: only regular files are read.`,
  file_too_large: (p) => `The file ${p.path} is too large (at most ${bytes(p.limit, "bytes")}).`,
  file_not_utf8: (p) =>
    `The file ${p.path} is not of a kind Rapporteur reads (it is not UTF-8 text from byte ${p.found}). It reads Word files (.docx), the text of a report (UTF-8) and report files (.report.json).`,
  file_empty: (p) => `The file ${p.path} holds no text.`,
  file_not_writable: (p) => `The file ${p.path} cannot be written${detail(p, " (", ")")}: choose another place.`,
  export_over_database: (p) =>
    `${p.path} is the database or one of its backups. Nothing was written: choose another file.`,
  export_failed: (p) => `The Word file could not be made${detail(p, " (", ")")}. This is a fault of Rapporteur's.`,
  not_a_published_report: (p) =>
    `${p.path} does not read as a published report: after its title (“${p.name ?? ""}”) there is no numbered section heading (such as “1. はじめに”), no meeting facts and no Question.`,
  import_too_large: (p) =>
    `The text of ${p.path} would not fit in a report (${bytes(Number(p.found), "bytes")} or more; at most ${bytes(p.limit, "bytes")}).`,
  word_not_zip: (p) => `${p.path} is not a Word file${detail(p, " (", ")")}.`,
  word_too_many_parts: (p) => `The Word file ${p.path} has too many parts (${p.found}; at most ${p.limit}).`,
  word_part_too_large: (p) => `The Word file ${p.path}'s part ${p.place} unpacks too large (at most ${bytes(p.limit, "bytes")}).`,
  word_zip_bomb: (p) =>
    `The Word file ${p.path}'s part ${p.place} is compressed too much (${p.found}:1 or more; at most ${p.limit}:1): a damaged or hostile file.`,
  word_no_document: (p) => `The Word file ${p.path} has no document part (word/document.xml).`,
  word_xml_doctype: (p) => `The Word file ${p.path} declares a DOCTYPE, which a Word file never does: it is not read.`,
  word_xml_entity: (p) => `The Word file ${p.path} uses the undeclared entity &${p.name};: it is not read.`,
  word_xml_too_deep: (p) => `The Word file ${p.path} nests too deeply (${p.found} levels; at most ${p.limit}).`,
  word_xml_malformed: (p) => `The Word file ${p.path} is not well-formed XML (at byte ${p.found}${detail(p, ": ", "")}).`,
  template_needs_word: () => "A Word template is for Word files only: export as Word.",
  kept_template_unusable: (p) =>
    `The Word template ${p.name} kept for this report can no longer be used${detail(p, " (", ")")}: choose another, or Rapporteur's own style.`,
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
  author_name_missing: () => "The name is empty: give the name your co-authors know you by.",
  shared_folder_missing: (p) =>
    `The shared folder ${p.path ?? ""} is not there: it may not be synced yet, or its network drive may not be connected.`,
  shared_folder_not_linked: () => "This report is linked to no shared folder.",
  shared_folder_file_refused: (p) =>
    `The shared folder's file ${p.path ?? ""} was not taken this time (it ${enDamage[p.found ?? ""] ?? enDamage.unreadable}). If it is still being synced, it is taken once whole. Nothing is lost.`,
  not_chosen: () => "This file was not chosen in the file dialog: choose the file to read or write there.",
  word_template_refused: (p) =>
    `${p.path} cannot be used as a Word template${detail(p, " (", ")")}. The report's template is as it was.`,
};

export const errorMessages: Readonly<Record<Lang, Record<ErrorCode, Describe>>> = { ja, en };

/** The error as the user reads it, in `lang`. */
export function describeError(error: CommandError, lang: Lang): string {
  return errorMessages[lang][error.code](error.params);
}
