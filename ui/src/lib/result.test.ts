import { describe, expect, it } from "vitest";
import { locale } from "./locale.svelte";
import { errorMessage, load } from "./result";

describe("load", () => {
  it("returns the data of an ok result", async () => {
    expect(await load(() => Promise.resolve({ status: "ok", data: [1, 2] }))).toEqual({ state: "ready", data: [1, 2] });
  });

  it("tells a command error in the UI's language from its code and facts, and keeps the code", async () => {
    const params = {
      path: null,
      name: "7",
      revision: null,
      found: null,
      known: null,
      limit: null,
      place: null,
      line: null,
      column: null,
      detail: null,
    };
    const error = { code: "report_not_found" as const, params, message: "no report with id 7" };
    locale.set("ja");
    const result = await load(() => Promise.resolve({ status: "error", error }));
    expect(result).toEqual({ state: "failed", message: "報告書（ID 7）が見つかりません。削除された可能性があります。", code: "report_not_found" });
    locale.set("en");
    expect(errorMessage(error)).toBe("There is no report with id 7; it may have been deleted.");
    locale.set("ja");
  });

  it("turns a thrown Error into a failure instead of rejecting", async () => {
    const result = await load(() => Promise.reject(new TypeError("no runtime")));
    expect(result).toEqual({ state: "failed", message: "no runtime", code: null });
  });
});

describe("errorMessage", () => {
  it("describes unexpected error values", () => {
    expect(errorMessage("plain text")).toBe("plain text");
    expect(errorMessage({ detail: 1 })).toBe('{"detail":1}');
    expect(errorMessage(undefined)).toBe("undefined");
  });
});
