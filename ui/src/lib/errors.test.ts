import { describe, expect, it } from "vitest";
import type { ErrorCode, ErrorParams } from "../bindings";
import contract from "../../../tests/fixtures/contract/error-codes.json";
import { errorMessages } from "./errors";

describe("the error codes' contract with Rust (tests/fixtures/contract/error-codes.json)", () => {
  // The fixture lists every code crates/core can send; each needs a message in both
  // languages, which renders the facts it comes with (none left as undefined or null).
  const params: ErrorParams = {
    path: "/tmp/報告.sqlite3",
    name: "SG17",
    revision: 3,
    found: "9",
    known: "2",
    limit: 16 * 1024 * 1024,
    place: "sections[2].title",
    line: 4,
    column: 7,
    detail: "os error 13",
  };
  const codes = contract.codes as ErrorCode[];

  for (const lang of ["ja", "en"] as const) {
    it(`has a message in ${lang} for every code Rust sends, and none other`, () => {
      expect(Object.keys(errorMessages[lang]).sort()).toEqual([...codes].sort());
      for (const code of codes) {
        const text = errorMessages[lang][code](params);
        expect(text.length, code).toBeGreaterThan(10);
        expect(text, code).not.toMatch(/undefined|null|NaN/);
        if (lang === "ja") expect(text, code).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      }
    });
  }

  it("names a limit in bytes as MiB when it is whole MiB", () => {
    expect(errorMessages.ja.file_too_large(params)).toContain("上限 16 MiB");
    expect(errorMessages.en.file_too_large({ ...params, limit: 1000 })).toContain("at most 1,000 bytes");
  });
});
