// Parsing and checking of field values, shared by the field components and the session.

import { parseCalendarDate, weekday, type Lang } from "../format";

/** What a typed field makes of its text: a value, or the message shown beside it. */
export type Parse<T> = (text: string) => { ok: true; value: T } | { ok: false; error: string };

export type CountError = "notNumber" | "notInteger" | "negative" | "tooLarge";
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: CountError };

/** Counts are stored as u32 by the backend. */
const MAX_COUNT = 4_294_967_295;

/** Full-width digits and signs, as an IME may type them, read as ASCII. */
function toHalfWidth(text: string): string {
  return text.replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/ー/g, "-");
}

/** A count field: empty means "not given" (null), never 0. */
export function parseCount(text: string): Parsed<number | null> {
  const trimmed = toHalfWidth(text).trim();
  if (trimmed === "") return { ok: true, value: null };
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return { ok: false, error: "notNumber" };
  const value = Number(trimmed);
  if (value < 0) return { ok: false, error: "negative" };
  if (!Number.isInteger(value)) return { ok: false, error: "notInteger" };
  if (value > MAX_COUNT) return { ok: false, error: "tooLarge" };
  return { ok: true, value };
}

/** How a stored count is shown in its field. */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}

/** "(水)" / "Wed" for a full date; "" for anything else. */
export function weekdayLabel(text: string | null | undefined, lang: Lang): string {
  const date = parseCalendarDate(text ?? "");
  if (!date || date.day === null) return "";
  const day = weekday(date.year, date.month, date.day);
  return lang === "ja" ? `(${"日月火水木金土"[day] ?? ""})` : (["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][day] ?? "");
}

/** An optional text field: an empty field leaves the value out. */
export function optionalText(text: string): string | null {
  return text.trim() === "" ? null : text;
}

/** A schedule table's date: `2026-05-12`, or `2026-05` for a month; empty is "not given". */
export function parseScheduleDate(text: string): { ok: true; value: string | null } | { ok: false } {
  const trimmed = toHalfWidth(text).trim();
  if (trimmed === "") return { ok: true, value: null };
  return parseCalendarDate(trimmed) ? { ok: true, value: trimmed } : { ok: false };
}
