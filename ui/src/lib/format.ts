// Pure formatting of dates, timestamps and outline numbers.
// Calendar dates are plain "YYYY-MM-DD" / "YYYY-MM" strings and are never
// passed through `Date`, so the weekday cannot shift with the local timezone.

export type Lang = "ja" | "en";

export type CalendarDate = { year: number; month: number; day: number | null };

const JA_WEEKDAYS = ["日", "月", "火", "水", "木", "金", "土"] as const;
const EN_WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
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

function jaWeekday(date: CalendarDate & { day: number }): string {
  return `(${JA_WEEKDAYS[weekday(date.year, date.month, date.day)] ?? ""})`;
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
  const day = EN_WEEKDAYS[weekday(date.year, date.month, date.day)] ?? "";
  return `${day} ${date.day} ${month} ${date.year}`;
}

function format(date: CalendarDate, lang: Lang): string {
  return lang === "ja" ? formatJa(date) : formatEn(date);
}

/** Negative when `a` is before `b`; a month alone counts as its first day. */
function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || (a.day ?? 1) - (b.day ?? 1);
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
 * The end of a Japanese range, leaving out the year and month it shares with the start;
 * in full when it is not after the start (a wrong range, which the checks report), so
 * that 「6月3日(水)～1日(月)」 does not read as a range within one month.
 */
function jaRangeEnd(start: CalendarDate, end: CalendarDate): string {
  if (start.year !== end.year || compareDates(end, start) < 0) return formatJa(end);
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
