import { describe, expect, it } from "vitest";
import type { Origin, Report } from "../../bindings";
import { highlight, partOf } from "./follow";

// 1. はじめに (the summary, a paragraph), 2. 結果 with 2.1 WP1 (its sentence, Question 10, an empty list).
const report = {
  sections: [
    { heading: "はじめに", blocks: [{ type: "summary" }, { type: "paragraph", text: "…" }] },
    {
      heading: "結果",
      blocks: [],
      sections: [
        {
          heading: null,
          working_party: { number: 1, title: "ID" },
          blocks: [
            { type: "question", number: 10, outcomes: [], discussed: true },
            { type: "bullets", items: [] },
          ],
        },
      ],
    },
  ],
} as unknown as Report;

const origins: Origin[] = [
  { section: [0], block: null },
  { section: [0], block: 0 },
  { section: [0], block: 1 },
  { section: [1], block: null },
  { section: [1, 0], block: null },
  { section: [1, 0], block: null },
  { section: [1, 0], block: 0 },
];

describe("the preview follows the part being edited", () => {
  it("marks a block's nodes, or its section's heading and sentence", () => {
    expect(highlight({ part: { kind: "section", path: [1, 0] }, block: 0 }, origins, report).nodes).toEqual([6]);
    expect(highlight({ part: { kind: "section", path: [1, 0] }, block: null }, origins, report).nodes).toEqual([4, 5]);
    // The empty list prints nothing: its section is shown.
    expect(highlight({ part: { kind: "section", path: [1, 0] }, block: 1 }, origins, report).nodes).toEqual([4, 5]);
  });

  it("marks the title, the byline, and for the meeting's facts the summary printed from them", () => {
    expect(highlight({ part: { kind: "title" }, block: null }, origins, report)).toEqual({ title: true, byline: false, nodes: [] });
    expect(highlight({ part: { kind: "authors" }, block: null }, origins, report).byline).toBe(true);
    expect(highlight({ part: { kind: "meeting" }, block: null }, origins, report).nodes).toEqual([1]);
  });

  it("opens the part a clicked node is printed from", () => {
    expect(partOf({ section: [1, 0], block: 0 }, report)).toEqual({ part: { kind: "section", path: [1, 0] }, block: 0 });
    expect(partOf({ section: [1, 0], block: null }, report)).toEqual({ part: { kind: "section", path: [1, 0] }, block: null });
    expect(partOf({ section: [0], block: 0 }, report)).toEqual({ part: { kind: "meeting" }, block: null });
  });
});
