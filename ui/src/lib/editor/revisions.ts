// The history's entries in the user's words: what changed in each, from the changes the
// Rust side found (crates/compare), places named as the outline and the checks panel
// name them (the section's printed heading, 課題N).

import type { Change, FieldChange, HistoryEntry, Report } from "../../bindings";
import type { Messages } from "../i18n";
import { placeOf } from "./findings";

/** Parts whose edit is a change of a fact rather than an edit of text: 「会期を変更」. */
const FACTS: ReadonlySet<Change["part"]> = new Set([
  "title",
  "language",
  "style",
  "authors",
  "dates",
  "venue",
  "mode",
  "counts",
  "meeting",
  "heading",
  "working_party",
  "order",
]);

/** One change: 「課題10 の結果を 2 件追加」, "Question 10: 2 outcomes added", 「会期を変更」. */
export function describeChange(change: Change, t: Messages): string {
  const c = t.editor.history.change;
  if (change.part === "report") return c.created;
  const verb = change.how === "edited" && FACTS.has(change.part) ? c.changed : c[change.how];
  const question = change.place.question === null ? null : t.editor.blocks.question(change.place.question);
  if (change.part === "question" && question) return c.whole(question, verb);
  if (change.part === "section" && change.place.section) return c.whole(change.place.section, verb);
  const count = change.count > 1 ? c.count(change.count) : "";
  return c.label(question ?? change.place.section, c.parts[change.part], count, verb);
}

/** An entry's label: its first `shown` changes, and how many more there are. */
export function describeEntry(entry: HistoryEntry, t: Messages, shown = 3): string {
  const h = t.editor.history;
  if (entry.changes.length === 0) return h.noChange;
  const said = entry.changes.slice(0, shown).map((change) => describeChange(change, t));
  const rest = entry.changes.length - said.length;
  return rest > 0 ? `${said.join(t.separator)} ${h.more(rest)}` : said.join(t.separator);
}

/** A changed field: where it is, as the checks panel says it, and the field itself. */
export type FieldRow = { group: string; name: string; field: FieldChange };

/**
 * The changed fields under the parts that hold them, each part named once: the place of
 * a field is read in the report that has it, as the checks panel names places, its last
 * step the field's own name ("会合の概要" › "終了日").
 */
export function fieldRows(fields: readonly FieldChange[], before: Report, after: Report, t: Messages): FieldRow[] {
  return fields.map((field) => {
    const place =
      field.after_path === null ? placeOf(field.before_path ?? "", before, t) : placeOf(field.after_path, after, t);
    const name = place.length > 1 ? (place.at(-1) ?? "") : "";
    return { group: place.slice(0, place.length > 1 ? -1 : undefined).join(t.checks.separator), name, field };
  });
}

/**
 * A field's text as the editor shows it: a choice in the user's words ("approved" →
 * 「承認」; the Rust side gives a changed choice whole), any other text as it is.
 */
export function shownText(path: string | null, text: string, t: Messages): string {
  const name = path === null ? undefined : /([a-z_]+)$/.exec(path)?.[1];
  const words: Readonly<Record<string, Readonly<Record<string, string>> | undefined>> = {
    action: t.editor.question.actions,
    document: t.editor.question.documents,
    mode: t.modes,
    language: t.editor.title.languages,
    preset: t.editor.title.presets,
  };
  return (name === undefined ? undefined : words[name]?.[text]) ?? text;
}
