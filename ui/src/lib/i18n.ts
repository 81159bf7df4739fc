// Every UI string, per language. Japanese is the reference: `Messages` is derived
// from it, so a key missing from (or added only to) English is a type error.

import type { MeetingMode } from "../bindings";
import { englishOrdinal, type Lang } from "./format";

const ja = {
  languageName: "日本語",
  languageSwitcher: "表示言語",
  separator: "、",
  retry: "再試行",
  untitled: "（見出しなし）",
  library: {
    heading: "報告書",
    loading: "報告書を読み込んでいます…",
    empty: "報告書がありません",
    columns: { title: "タイトル", group: "会合", ordinal: "回次", dates: "会期", updated: "最終編集" },
  },
  report: {
    back: "報告書一覧へ戻る",
    loading: "報告書を読み込んでいます…",
    revision: (revision: number, savedAt: string) => `第${revision}版・${savedAt} 保存`,
    authors: "報告者",
    meeting: "会合の概要",
    outline: "目次",
    noOutline: "見出しがありません",
    export: {
      label: "書き出す",
      formats: { docx: "Word 文書（.docx）", json: "報告書ファイル（.report.json）", text: "テキスト（.txt）" },
      dialogTitle: "報告書を書き出す",
      done: (path: string) => `書き出しました: ${path}`,
    },
    facts: {
      group: "会合",
      ordinal: "回次",
      dates: "会期",
      place: "開催地",
      mode: "開催形態",
      participants: "参加者",
      contributions: "寄書",
      temporaryDocuments: "臨時文書（TD）",
    },
  },
  modes: { in_person: "対面", hybrid: "ハイブリッド", virtual: "オンライン" } satisfies Record<MeetingMode, string>,
  ordinal: (n: number) => `第${n}回`,
  groupWithTopic: (group: string, topic: string) => `${group}（${topic}）`,
  place: (city: string | null, country: string | null, site: string | null) => {
    const area = [country, city].filter(Boolean).join("・");
    if (!site) return area;
    return area ? `${area}（${site}）` : site;
  },
  note: (text: string, note: string) => `${text}（${note}）`,
  participants: {
    total: (n: number) => `総数 ${n}名`,
    onSite: (n: number) => `現地 ${n}名`,
    remote: (n: number) => `リモート ${n}名`,
    home: (n: number, country: string | null) => `${country ?? "国内"}から ${n}名`,
    delegations: (n: number) => `代表団数 ${n}`,
  },
  contributions: {
    total: (n: number) => `総数 ${n}件`,
    home: (n: number, country: string | null) => `${country ?? "国内"}から ${n}件`,
  },
  temporaryDocuments: (n: number) => `${n}件`,
};

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { readonly [K in keyof T]: Widen<T[K]> };

export type Messages = Widen<typeof ja>;

const en: Messages = {
  languageName: "English",
  languageSwitcher: "Display language",
  separator: ", ",
  retry: "Try again",
  untitled: "(Untitled)",
  library: {
    heading: "Reports",
    loading: "Loading reports…",
    empty: "No reports yet",
    columns: { title: "Title", group: "Group", ordinal: "Meeting", dates: "Dates", updated: "Last edited" },
  },
  report: {
    back: "Back to reports",
    loading: "Loading the report…",
    revision: (revision, savedAt) => `Revision ${revision} · saved ${savedAt}`,
    authors: "Authors",
    meeting: "Meeting",
    outline: "Contents",
    noOutline: "No headings yet",
    export: {
      label: "Export",
      formats: { docx: "Word document (.docx)", json: "Report file (.report.json)", text: "Text (.txt)" },
      dialogTitle: "Export the report",
      done: (path) => `Exported to ${path}`,
    },
    facts: {
      group: "Group",
      ordinal: "Meeting",
      dates: "Dates",
      place: "Venue",
      mode: "Format",
      participants: "Participants",
      contributions: "Contributions",
      temporaryDocuments: "Temporary documents",
    },
  },
  modes: { in_person: "In person", hybrid: "Hybrid", virtual: "Virtual" },
  ordinal: (n) => `${englishOrdinal(n)} meeting`,
  groupWithTopic: (group, topic) => `${group} (${topic})`,
  place: (city, country, site) => [site, city, country].filter(Boolean).join(", "),
  note: (text, note) => `${text} (${note})`,
  participants: {
    total: (n) => `${n} in total`,
    onSite: (n) => `${n} on site`,
    remote: (n) => `${n} remote`,
    home: (n, country) => `${n} from ${country ?? "home"}`,
    delegations: (n) => `${n} delegations`,
  },
  contributions: {
    total: (n) => `${n} in total`,
    home: (n, country) => `${n} from ${country ?? "home"}`,
  },
  temporaryDocuments: (n) => `${n}`,
};

export const messages: Readonly<Record<Lang, Messages>> = { ja, en };

export const languages: readonly Lang[] = ["ja", "en"];
