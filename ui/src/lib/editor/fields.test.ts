import { describe, expect, it } from "vitest";
import { formatCount, optionalText, parseCount } from "./fields";

describe("parseCount", () => {
  it("reads an empty field as absent, never as 0", () => {
    expect(parseCount("")).toEqual({ ok: true, value: null });
    expect(parseCount("   ")).toEqual({ ok: true, value: null });
  });

  it("reads non-negative integers, also typed in full width", () => {
    expect(parseCount("408")).toEqual({ ok: true, value: 408 });
    expect(parseCount("0")).toEqual({ ok: true, value: 0 });
    expect(parseCount(" 12 ")).toEqual({ ok: true, value: 12 });
    expect(parseCount("４０８")).toEqual({ ok: true, value: 408 });
    expect(parseCount("3.0")).toEqual({ ok: true, value: 3 });
  });

  it("refuses negative, fractional, non-numeric and too large values", () => {
    expect(parseCount("-3")).toEqual({ ok: false, error: "negative" });
    expect(parseCount("－3")).toEqual({ ok: false, error: "negative" });
    expect(parseCount("1.5")).toEqual({ ok: false, error: "notInteger" });
    expect(parseCount("abc")).toEqual({ ok: false, error: "notNumber" });
    expect(parseCount("1e3")).toEqual({ ok: false, error: "notNumber" });
    expect(parseCount("12名")).toEqual({ ok: false, error: "notNumber" });
    expect(parseCount("4294967296")).toEqual({ ok: false, error: "tooLarge" });
  });

  it("formats absent counts as an empty field", () => {
    expect(formatCount(null)).toBe("");
    expect(formatCount(undefined)).toBe("");
    expect(formatCount(0)).toBe("0");
  });
});

describe("optionalText", () => {
  it("leaves an empty optional field out", () => {
    expect(optionalText("")).toBeNull();
    expect(optionalText("  ")).toBeNull();
    expect(optionalText("ジュネーブ")).toBe("ジュネーブ");
  });
});
