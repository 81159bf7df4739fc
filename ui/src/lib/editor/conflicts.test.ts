import { describe, expect, it } from "vitest";
import type { MergeConflict, Report } from "../../bindings";
import { conflictedFields, holding, setValueAt, valueAt } from "./conflicts";

const report = (): Report =>
  ({
    title: "青木の題",
    language: "ja",
    style: { preset: "ja-katakana" },
    authors: [],
    meeting: { organization: "ITU-T", group: "SG17", start: "2025-12-02", end: "2025-12-11", participants: { total: 400 } },
    sections: [
      {
        heading: "WP",
        blocks: [
          { type: "bullets", items: ["一つ目", "二つ目"] },
          { type: "question", number: 10, outcomes: [{ id: "X.1", title: "A", action: "approved" }] },
        ],
        sections: [],
      },
    ],
  }) as unknown as Report;

describe("a merge's conflicts in the editor", () => {
  it("marks only the fields both copies changed", () => {
    const conflicts: MergeConflict[] = [
      { kind: "both_changed", place: "the report", path: "title", field: "title", kept: "青木の題", other: "鈴木の題" },
      { kind: "deleted_while_edited", place: "Question 10", path: "sections[0].blocks[1]", deleted_here: true },
    ];
    expect(conflictedFields(conflicts)).toEqual([{ path: "title", kept: "青木の題", other: "鈴木の題" }]);
  });

  it("reads and sets a field by its JSON path: the title, a count, an outcome's cell, a bullet item", () => {
    const r = report();
    expect(valueAt(r, "meeting.participants.total")).toBe(400);
    expect(valueAt(r, "sections[0].blocks[1].outcomes[0].title")).toBe("A");
    expect(valueAt(r, "sections[0].blocks[0].items[1]")).toBe("二つ目");
    expect(valueAt(r, "sections[3].heading")).toBeNull();
    expect(setValueAt(r, "title", "鈴木の題")).toBe(true);
    expect(setValueAt(r, "meeting.participants.total", 401)).toBe(true);
    expect(setValueAt(r, "sections[0].blocks[1].outcomes[0].title", "B")).toBe(true);
    expect(setValueAt(r, "sections[0].blocks[0].items[1]", "2つ目")).toBe(true);
    expect(r.title).toBe("鈴木の題");
    expect(valueAt(r, "meeting.participants.total")).toBe(401);
    expect(valueAt(r, "sections[0].blocks[1].outcomes[0].title")).toBe("B");
    expect(valueAt(r, "sections[0].blocks[0].items[1]")).toBe("2つ目");
  });

  it("makes the object the other copy had a field in, and refuses a place that is gone", () => {
    const r = report();
    expect(setValueAt(r, "meeting.temporary_documents.total", 12)).toBe(true);
    expect(valueAt(r, "meeting.temporary_documents.total")).toBe(12);
    const before = JSON.stringify(r);
    expect(setValueAt(r, "sections[4].heading", "x")).toBe(false);
    expect(setValueAt(r, "sections[0].blocks[0].items[9]", "x")).toBe(false);
    expect(JSON.stringify(r)).toBe(before);
  });

  it("says which value the field holds, and none once typed anew", () => {
    const r = report();
    const conflict = { path: "title", kept: "青木の題", other: "鈴木の題" };
    expect(holding(r, conflict)).toBe("kept");
    setValueAt(r, "title", "鈴木の題");
    expect(holding(r, conflict)).toBe("other");
    setValueAt(r, "title", "第三の題");
    expect(holding(r, conflict)).toBeNull();
    expect(holding(r, { path: "meeting.city", kept: null, other: "東京" })).toBe("kept");
  });
});
