import { describe, expect, it } from "vitest";
import contract from "../../../tests/fixtures/contract/dates.json";
import {
  daysInMonth,
  englishOrdinal,
  formatDate,
  formatDateRange,
  formatTimestamp,
  inOrder,
  isLeapYear,
  parseCalendarDate,
  parseTimestamp,
  weekday,
} from "./format";

describe("calendar arithmetic", () => {
  it("knows the Gregorian leap-year rule", () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2025)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(2100)).toBe(false);
  });

  it("counts days in a month", () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
  });

  it("computes weekdays (0 = Sunday)", () => {
    expect(weekday(2025, 12, 3)).toBe(3);
    expect(weekday(2000, 1, 1)).toBe(6);
    expect(weekday(2024, 2, 29)).toBe(4);
    expect(weekday(1970, 1, 1)).toBe(4);
    expect(weekday(1900, 3, 1)).toBe(4);
  });

  it("does not read two-digit years as 19xx", () => {
    expect(weekday(50, 1, 1)).toBe(6);
    expect(weekday(1950, 1, 1)).toBe(0);
  });

  it("agrees with UTC dates across many days", () => {
    for (let t = Date.UTC(1999, 0, 1); t < Date.UTC(2031, 0, 1); t += 86_400_000 * 7 + 3_600_000) {
      const d = new Date(t);
      expect(weekday(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(d.getUTCDay());
    }
  });
});

describe("parseCalendarDate", () => {
  it("parses full and month-only dates", () => {
    expect(parseCalendarDate("2025-12-03")).toEqual({ year: 2025, month: 12, day: 3 });
    expect(parseCalendarDate("2026-05")).toEqual({ year: 2026, month: 5, day: null });
  });

  it("rejects impossible or malformed dates", () => {
    expect(parseCalendarDate("2025-02-29")).toBeNull();
    expect(parseCalendarDate("2025-13-01")).toBeNull();
    expect(parseCalendarDate("2025-00")).toBeNull();
    expect(parseCalendarDate("2025-04-31")).toBeNull();
    expect(parseCalendarDate("2025-4-3")).toBeNull();
    expect(parseCalendarDate("2025-12-03T00:00:00Z")).toBeNull();
    expect(parseCalendarDate("")).toBeNull();
  });

  it("accepts leap days in leap years", () => {
    expect(parseCalendarDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseCalendarDate("2000-02-29")).not.toBeNull();
    expect(parseCalendarDate("1900-02-29")).toBeNull();
  });
});

type DatesCase = { start: string | null; end: string | null; ja: string; en: string; in_order: boolean | null };
const cases: DatesCase[] = contract.cases;

describe("the dates contract with prose (tests/fixtures/contract/dates.json)", () => {
  // Written by crates/prose/tests/contract.rs from rapporteur_prose::dates::shown: every
  // weekday, ranges in a month, across months and years, ends out of order, months and
  // days of them mixed. The app must show each as Rust prints it.
  it.each(cases)("shows $start – $end as Rust prints it", ({ start, end, ja, en }) => {
    expect(formatDateRange(start, end, "ja")).toBe(ja);
    expect(formatDateRange(start, end, "en")).toBe(en);
  });

  it.each(cases.filter((c) => c.in_order !== null))(
    "agrees with Rust whether $end is in order after $start",
    ({ start, end, in_order }) => {
      const [from, to] = [parseCalendarDate(start ?? ""), parseCalendarDate(end ?? "")];
      expect(from && to && inOrder(from, to)).toBe(in_order);
    },
  );

  it("covers every weekday in both languages", () => {
    const days = cases.filter((c) => c.end === null && c.start?.length === 10);
    expect(new Set(days.map((c) => /\((.)\)/.exec(c.ja)?.[1])).size).toBe(7);
    expect(new Set(days.map((c) => c.en.slice(0, 3))).size).toBe(7);
    for (const c of days) expect(formatDate(c.start ?? "", "ja")).toBe(c.ja);
  });
});

describe("dates the UI cannot read", () => {
  it("passes unparsable text through unchanged", () => {
    expect(formatDate("TBD", "ja")).toBe("TBD");
    expect(formatDate("2025-02-30", "en")).toBe("2025-02-30");
  });

  it("falls back to the raw text when a side is unparsable", () => {
    expect(formatDateRange("2025-12-03", "later", "ja")).toBe("2025-12-03～later");
    expect(formatDateRange("soon", "2025-12-03", "en")).toBe("soon – 2025-12-03");
  });
});

describe("timestamps", () => {
  it("parses SQLite-style timestamps with an offset", () => {
    expect(parseTimestamp("2026-11-23 12:00:00.123+00:00")?.toISOString()).toBe("2026-11-23T12:00:00.123Z");
    expect(parseTimestamp("2026-11-23 21:00:00+09:00")?.toISOString()).toBe("2026-11-23T12:00:00.000Z");
  });

  it("parses RFC 3339 timestamps", () => {
    expect(parseTimestamp("2026-11-23T12:00:00Z")?.toISOString()).toBe("2026-11-23T12:00:00.000Z");
    expect(parseTimestamp("2026-11-23T12:00:00.123456789Z")?.toISOString()).toBe("2026-11-23T12:00:00.123Z");
    expect(parseTimestamp("2026-11-23t07:30:00-04:30")?.toISOString()).toBe("2026-11-23T12:00:00.000Z");
    expect(parseTimestamp("2026-11-23T12:00:00+0000")?.toISOString()).toBe("2026-11-23T12:00:00.000Z");
  });

  it("reads timestamps without an offset as UTC", () => {
    expect(parseTimestamp("2026-11-23 12:00:00")?.toISOString()).toBe("2026-11-23T12:00:00.000Z");
    expect(parseTimestamp("2026-11-23 12:00")?.toISOString()).toBe("2026-11-23T12:00:00.000Z");
  });

  it("rejects malformed timestamps", () => {
    expect(parseTimestamp("2026-11-23")).toBeNull();
    expect(parseTimestamp("2026-02-30 12:00:00")).toBeNull();
    expect(parseTimestamp("2026-11-23 25:00:00")).toBeNull();
    expect(parseTimestamp("yesterday")).toBeNull();
  });

  it("shows timestamps in local time (the tests run in Asia/Tokyo)", () => {
    expect(formatTimestamp("2026-11-23 12:00:00.123+00:00")).toBe("2026/11/23 21:00");
    expect(formatTimestamp("2026-11-23T03:05:00+09:00")).toBe("2026/11/23 03:05");
  });

  it("moves to the next day and year when local time crosses midnight", () => {
    expect(formatTimestamp("2025-12-31T15:30:00Z")).toBe("2026/01/01 00:30");
    expect(formatTimestamp("2024-02-28T20:00:00Z")).toBe("2024/02/29 05:00");
  });

  it("passes unparsable timestamps through unchanged", () => {
    expect(formatTimestamp("unknown")).toBe("unknown");
  });
});

describe("englishOrdinal", () => {
  it("uses st, nd, rd and th", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112].map(englishOrdinal)).toEqual([
      "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th", "112th",
    ]);
  });
});
