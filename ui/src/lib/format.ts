// Pure formatting of dates, timestamps and outline numbers.
// Calendar dates are plain "YYYY-MM-DD" / "YYYY-MM" strings and are never
// passed through `Date`, so the weekday cannot shift with the local timezone.
// Dates are shown as Rust's `rapporteur_prose::dates::shown` prints them, with the names
// it spells (the bindings' constants); tests/fixtures/contract/dates.json, written from
// Rust, is checked by format.test.ts, so the two cannot drift apart.

import { MONTHS_EN, WEEKDAYS_EN, WEEKDAYS_JA } from "../bindings";

export type Lang = "ja" | "en";

export type CalendarDate = { year: number; month: number; day: number | null };

const EN_MONTHS = MONTHS_EN.map((name) => name.slice(0, 3));
const JA_RANGE = "～";
const EN_RANGE = " – ";

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses "YYYY-MM-DD" or "YYYY-MM" (month only); null when malformed or not a real date. */
export function parseCalendarDate(text: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (month < 1 || month > 12) return null;
  if (day !== null && (day < 1 || day > daysInMonth(year, month))) return null;
  return { year, month, day };
}

/** Day of the week, 0 = Sunday, in the proleptic Gregorian calendar. */
export function weekday(year: number, month: number, day: number): number {
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCDay();
}

/** Monday first, as Rust counts weekdays. */
function mondayFirst(date: CalendarDate & { day: number }): number {
  return (weekday(date.year, date.month, date.day) + 6) % 7;
}

function jaWeekday(date: CalendarDate & { day: number }): string {
  return `(${WEEKDAYS_JA[mondayFirst(date)] ?? ""})`;
}

function jaDay(date: CalendarDate): string {
  return date.day === null ? "" : `${date.day}日${jaWeekday({ ...date, day: date.day })}`;
}

function formatJa(date: CalendarDate): string {
  return `${date.year}年${date.month}月${jaDay(date)}`;
}

function formatEn(date: CalendarDate): string {
  const month = EN_MONTHS[date.month - 1] ?? "";
  if (date.day === null) return `${month} ${date.year}`;
  const day = (WEEKDAYS_EN[mondayFirst({ ...date, day: date.day })] ?? "").slice(0, 3);
  return `${day} ${date.day} ${month} ${date.year}`;
}

function format(date: CalendarDate, lang: Lang): string {
  return lang === "ja" ? formatJa(date) : formatEn(date);
}

/**
 * Whether `end` is in order with `start`: not all of it before the start (a month ends on
 * its last day). Rust's `rapporteur_prose::dates::in_order`, followed by contract.
 */
export function inOrder(start: CalendarDate, end: CalendarDate): boolean {
  const lastDay = end.day ?? daysInMonth(end.year, end.month);
  return (end.year - start.year || end.month - start.month || lastDay - (start.day ?? 1)) >= 0;
}

/** "Feb" for 2; the number itself for no month. */
export function englishMonth(month: number): string {
  return EN_MONTHS[month - 1] ?? String(month);
}

/** "2025年12月3日(水)" / "Wed 3 Dec 2025"; "2026年5月" / "May 2026" for month-only dates. */
export function formatDate(text: string, lang: Lang): string {
  const date = parseCalendarDate(text);
  return date ? format(date, lang) : text;
}

/**
 * The end of a Japanese range, leaving out the year it shares with the start, and the
 * month when both ends are days of it; in full when it is out of order (a wrong range,
 * which the checks report), so that 「6月3日(水)～1日(月)」 does not read as a range
 * within one month.
 */
function jaRangeEnd(start: CalendarDate, end: CalendarDate): string {
  if (start.year !== end.year || !inOrder(start, end)) return formatJa(end);
  if (start.month === end.month && start.day !== null && end.day !== null) return jaDay(end);
  return `${end.month}月${jaDay(end)}`;
}

/**
 * "2025年12月3日(水)～11日(木)", "2026年3月30日(月)～4月2日(木)",
 * "Wed 3 Dec 2025 – Thu 11 Dec 2025". Either end may be missing.
 */
export function formatDateRange(start: string | null | undefined, end: string | null | undefined, lang: Lang): string {
  const separator = lang === "ja" ? JA_RANGE : EN_RANGE;
  if (!start && !end) return "";
  if (!end || end === start) return formatDate(start ?? "", lang);
  if (!start) return `${separator.trimStart()}${formatDate(end, lang)}`;
  const from = parseCalendarDate(start);
  const to = parseCalendarDate(end);
  if (!from || !to) return `${start}${separator}${end}`;
  if (lang === "en") return `${formatEn(from)}${EN_RANGE}${formatEn(to)}`;
  return `${formatJa(from)}${JA_RANGE}${jaRangeEnd(from, to)}`;
}

/**
 * Parses a stored timestamp: SQLite style "2026-11-23 12:00:00.123+00:00" or RFC 3339
 * "2026-11-23T12:00:00Z". Without an offset the time is taken as UTC, as SQLite writes it.
 */
export function parseTimestamp(text: string): Date | null {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(
      text.trim(),
    );
  if (!match) return null;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  const millis = Number((fraction ?? "").padEnd(3, "0").slice(0, 3));
  let offsetMinutes = 0;
  if (zone && zone.toUpperCase() !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute - offsetMinutes, second, millis);
  return date;
}

/** Now, as a timestamp `formatTimestamp` reads. */
export function nowTimestamp(): string {
  return new Date().toISOString();
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** A stored timestamp in the local timezone: "2026/11/23 21:00". Unparsable text is returned as is. */
export function formatTimestamp(text: string): string {
  const date = parseTimestamp(text);
  if (!date) return text;
  return `${date.getFullYear()}/${pad(date.getMonth() + 1)}/${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd". */
export function englishOrdinal(n: number): string {
  const lastTwo = Math.abs(n) % 100;
  const last = Math.abs(n) % 10;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : last === 1 ? "st" : last === 2 ? "nd" : last === 3 ? "rd" : "th";
  return `${n}${suffix}`;
}

/** A file name from a report's title: characters no file system accepts become "_". */
export function fileNameFor(title: string, extension: string): string {
  const base = title.replace(/[\\/:*?"<>|\p{Cc}]/gu, "_").trim() || "report";
  return `${base}.${extension}`;
}
