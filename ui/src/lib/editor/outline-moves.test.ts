import { describe, expect, it } from "vitest";
import type { Report } from "../../bindings";
import { addSection, dropSection, moveSection, nextWorkingPartyNumber, outline, removeSection } from "./outline";
import { testReport } from "./testReport";

function report(): Report {
  return testReport([
    { heading: "はじめに", blocks: [] },
    {
      heading: "結果",
      blocks: [],
      sections: [
        { working_party: { number: 1, title: "ID" }, blocks: [] },
        { working_party: { number: 3, title: "管理" }, blocks: [] },
      ],
    },
    { heading: "おわりに", blocks: [] },
  ]);
}

const headings = (r: Report): string[] => outline(r).map((e) => `${e.number.join(".")} ${e.heading}`);

describe("moving sections in the outline", () => {
  it("moves a section up and down among its siblings, and not past the ends", () => {
    const r = report();
    expect(moveSection(r, [1, 1], "up")).toEqual([1, 0]);
    expect(headings(r)).toEqual(["1 はじめに", "2 結果", "2.1 WP3: 管理", "2.2 WP1: ID", "3 おわりに"]);
    expect(moveSection(r, [1, 0], "up")).toBeNull();
    expect(moveSection(r, [2], "down")).toBeNull();
    expect(moveSection(r, [0], "down")).toEqual([1]);
    expect(headings(r)[0]).toBe("1 結果");
  });

  it("moves a section into the one above it, and out after its parent", () => {
    const r = report();
    expect(moveSection(r, [2], "in")).toEqual([1, 2]);
    expect(headings(r)).toEqual(["1 はじめに", "2 結果", "2.1 WP1: ID", "2.2 WP3: 管理", "2.3 おわりに"]);
    expect(moveSection(r, [1, 0], "out")).toEqual([2]);
    expect(headings(r)).toEqual(["1 はじめに", "2 結果", "2.1 WP3: 管理", "2.2 おわりに", "3 WP1: ID"]);
    expect(moveSection(r, [0], "in")).toBeNull();
    expect(moveSection(r, [0], "out")).toBeNull();
  });

  it("drops a section before another, at any level, never into itself", () => {
    const r = report();
    expect(dropSection(r, [0], [1, 1])).toEqual([0, 1]);
    expect(headings(r)).toEqual(["1 結果", "1.1 WP1: ID", "1.2 はじめに", "1.3 WP3: 管理", "2 おわりに"]);
    expect(dropSection(r, [0], [0, 0])).toBeNull();
    expect(dropSection(r, [0, 2], null)).toEqual([2]);
    expect(headings(r).at(-1)).toBe("3 WP3: 管理");
    expect(dropSection(r, [1], [0])).toEqual([0]);
    expect(headings(r)[0]).toBe("1 おわりに");
  });

  it("adds sections after one or inside one, and removes them", () => {
    const r = report();
    expect(addSection(r, { after: [1, 0] })).toEqual([1, 1]);
    expect(addSection(r, { inside: [0] })).toEqual([0, 0]);
    expect(addSection(r, { inside: null })).toEqual([3]);
    expect(headings(r)).toEqual(["1 はじめに", "1.1 ", "2 結果", "2.1 WP1: ID", "2.2 ", "2.3 WP3: 管理", "3 おわりに", "4 "]);
    expect(removeSection(r, [1])).toBe(true);
    expect(removeSection(r, [7])).toBe(false);
    expect(headings(r)).toEqual(["1 はじめに", "1.1 ", "2 おわりに", "3 "]);
  });

  it("numbers a new Working Party after the highest one", () => {
    expect(nextWorkingPartyNumber(report())).toBe(4);
  });
});
