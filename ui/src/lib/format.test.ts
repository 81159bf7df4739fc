import { describe, expect, it } from "vitest";
import {
  daysInMonth,
  englishOrdinal,
  formatDate,
  formatDateRange,
  formatTimestamp,
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

describe("formatDate", () => {
  it("formats Japanese dates with the weekday", () => {
    expect(formatDate("2025-12-03", "ja")).toBe("2025年12月3日(水)");
    expect(formatDate("2025-12-11", "ja")).toBe("2025年12月11日(木)");
    expect(formatDate("2024-02-29", "ja")).toBe("2024年2月29日(木)");
    expect(formatDate("2026-01-01", "ja")).toBe("2026年1月1日(木)");
    expect(formatDate("2025-12-31", "ja")).toBe("2025年12月31日(水)");
  });

  it("formats English dates with the weekday", () => {
    expect(formatDate("2025-12-03", "en")).toBe("Wed 3 Dec 2025");
    expect(formatDate("2024-02-29", "en")).toBe("Thu 29 Feb 2024");
    expect(formatDate("2026-03-01", "en")).toBe("Sun 1 Mar 2026");
  });

  it("formats month-only dates without a weekday", () => {
    expect(formatDate("2026-05", "ja")).toBe("2026年5月");
    expect(formatDate("2026-05", "en")).toBe("May 2026");
  });

  it("passes unparsable text through unchanged", () => {
    expect(formatDate("TBD", "ja")).toBe("TBD");
    expect(formatDate("2025-02-30", "en")).toBe("2025-02-30");
  });
});

describe("formatDateRange", () => {
  it("drops the repeated year and month in Japanese", () => {
    expect(formatDateRange("2025-12-03", "2025-12-11", "ja")).toBe("2025年12月3日(水)～11日(木)");
  });

  it("drops only the repeated year across months", () => {
    expect(formatDateRange("2026-03-30", "2026-04-02", "ja")).toBe("2026年3月30日(月)～4月2日(木)");
    expect(formatDateRange("2024-02-28", "2024-03-01", "ja")).toBe("2024年2月28日(水)～3月1日(金)");
  });

  it("keeps the year across a year boundary", () => {
    expect(formatDateRange("2025-12-29", "2026-01-02", "ja")).toBe("2025年12月29日(月)～2026年1月2日(金)");
    expect(formatDateRange("2025-12-29", "2026-01-02", "en")).toBe("Mon 29 Dec 2025 – Fri 2 Jan 2026");
  });

  it("writes the end in full when it is before the start, so a wrong range reads as one", () => {
    expect(formatDateRange("2026-06-03", "2026-06-01", "ja")).toBe("2026年6月3日(水)～2026年6月1日(月)");
    expect(formatDateRange("2026-06-03", "2026-05-30", "ja")).toBe("2026年6月3日(水)～2026年5月30日(土)");
    expect(formatDateRange("2026-06", "2026-05", "ja")).toBe("2026年6月～2026年5月");
  });

  it("writes full dates on both sides in English", () => {
    expect(formatDateRange("2025-12-03", "2025-12-11", "en")).toBe("Wed 3 Dec 2025 – Thu 11 Dec 2025");
  });

  it("collapses a one-day range to a single date", () => {
    expect(formatDateRange("2024-02-29", "2024-02-29", "ja")).toBe("2024年2月29日(木)");
    expect(formatDateRange("2025-12-03", null, "en")).toBe("Wed 3 Dec 2025");
    expect(formatDateRange("2025-12-03", undefined, "ja")).toBe("2025年12月3日(水)");
  });

  it("handles missing starts and empty ranges", () => {
    expect(formatDateRange(null, "2025-12-11", "ja")).toBe("～2025年12月11日(木)");
    expect(formatDateRange(null, "2025-12-11", "en")).toBe("– Thu 11 Dec 2025");
    expect(formatDateRange(null, null, "ja")).toBe("");
  });

  it("handles month-only schedule dates", () => {
    expect(formatDateRange("2026-05", "2026-06", "ja")).toBe("2026年5月～6月");
    expect(formatDateRange("2026-05", "2026-05", "ja")).toBe("2026年5月");
    expect(formatDateRange("2026-12", "2027-01", "ja")).toBe("2026年12月～2027年1月");
    expect(formatDateRange("2026-05", "2026-06", "en")).toBe("May 2026 – Jun 2026");
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
