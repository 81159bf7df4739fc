import { describe, expect, it } from "vitest";
import type { Language, Preset, Report } from "../../bindings";
import contract from "../../../../tests/fixtures/contract/outline.json";
import { outline, samePath, sectionAt } from "./outline";
import { testReport } from "./testReport";

const report: Report = testReport([
  { heading: "はじめに", blocks: [] },
  {
    heading: "結果",
    blocks: [],
    sections: [{ working_party: { number: 1, title: "デジタルID" }, blocks: [] }, { heading: "その他", blocks: [] }],
  },
]);

describe("the outline contract with prose (tests/fixtures/contract/outline.json)", () => {
  // Written from what crates/prose prints; the editor must show the same headings.
  for (const c of contract.cases) {
    it(`numbers and names sections as prose prints them in ${c.language}, ${c.preset}`, () => {
      const printed = outline({
        ...report,
        language: c.language as Language,
        style: { preset: c.preset as Preset },
        sections: contract.sections,
      }).map((item) => ({
        path: item.path.map((i, depth) => `${depth ? ".sections" : "sections"}[${i}]`).join(""),
        number: item.label,
        separator: item.separator,
        text: item.heading,
      }));
      expect(printed).toEqual(c.outline);
    });
  }
});

describe("outline", () => {
  it("numbers sections by their place and names Working Parties without a heading", () => {
    expect(outline(report).map((e) => [e.number.join("."), e.heading])).toEqual([
      ["1", "はじめに"],
      ["2", "結果"],
      ["2.1", "WP1: デジタルID"],
      ["2.2", "その他"],
    ]);
    const kanji = outline({ ...report, style: { preset: "ja-kanji" } });
    expect(kanji[2]?.heading).toBe("WP1：デジタルID");
  });

  it("finds a section by its path, or null", () => {
    expect(sectionAt(report, [1, 1])?.heading).toBe("その他");
    expect(sectionAt(report, [5])).toBeNull();
    expect(sectionAt(report, [])).toBeNull();
    expect(samePath([1, 0], [1, 0])).toBe(true);
    expect(samePath([1], [1, 0])).toBe(false);
  });
});
