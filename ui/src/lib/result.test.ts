import { describe, expect, it } from "vitest";
import { errorMessage, load } from "./result";

describe("load", () => {
  it("returns the data of an ok result", async () => {
    expect(await load(() => Promise.resolve({ status: "ok", data: [1, 2] }))).toEqual({ state: "ready", data: [1, 2] });
  });

  it("keeps the message and code of a command error", async () => {
    const result = await load(() =>
      Promise.resolve({ status: "error", error: { code: "not_found", message: "報告書 7 はありません" } }),
    );
    expect(result).toEqual({ state: "failed", message: "報告書 7 はありません", code: "not_found" });
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
