import { describe, expect, it } from "vitest";
import { Immer } from "immer";
import type { Preview } from "../../bindings";
import { applyPreviewUpdate, applyReportChanges, reportChanges } from "./preview";

const edits = new Immer({ autoFreeze: false });

type Doc = { title: string; note?: string; sections: { heading: string; blocks: { text: string }[] }[]; "a/b~c"?: number };

const report: Doc = { title: "報告", sections: [{ heading: "はじめに", blocks: [{ text: "本文" }] }, { heading: "結果", blocks: [] }] };

/** The edit most tests make: a word typed at the end of the first section's paragraph. */
function typeInFirstParagraph(doc: Doc): Doc {
  return edits.produce(doc, (d) => {
    const block = d.sections[0]?.blocks[0];
    if (block) block.text = "本文です";
  });
}

describe("the parts an edit changed", () => {
  it("are found along the changed path only, each at its JSON Pointer", () => {
    const typed = typeInFirstParagraph(report);
    expect(reportChanges(report, typed)).toEqual([{ pointer: "/sections/0/blocks/0/text", value: '"本文です"' }]);
    expect(reportChanges(report, report)).toEqual([]);
    // A copy equal to the report, part for part, changed nothing.
    expect(reportChanges(report, structuredClone(report))).toEqual([]);
  });

  it("send a list whose length changed, or an object that gained or lost a key, whole", () => {
    const added = edits.produce(report, (d) => {
      d.sections[1]?.blocks.push({ text: "新しい段落" });
    });
    expect(reportChanges(report, added)).toEqual([{ pointer: "/sections/1/blocks", value: '[{"text":"新しい段落"}]' }]);
    const noted = edits.produce(report, (d) => {
      d.note = "注";
    });
    expect(reportChanges(report, noted)).toEqual([{ pointer: "", value: JSON.stringify(noted) }]);
    // A key set to undefined is absent, as JSON writes it.
    const cleared = edits.produce(noted, (d) => {
      d.note = undefined;
    });
    expect(reportChanges(report, cleared)).toEqual([]);
  });

  it("escape the keys of a pointer", () => {
    const before: Doc = { ...report, "a/b~c": 1 };
    const after: Doc = { ...before, "a/b~c": 2 };
    expect(reportChanges(before, after)).toEqual([{ pointer: "/a~1b~0c", value: "2" }]);
  });
});

describe("an edit typed meanwhile, put back on another version of the report", () => {
  it("lands at its place in the other version, beside what that version changed", () => {
    const typed = typeInFirstParagraph(report);
    const merged = edits.produce(report, (d) => {
      d.title = "報告（鈴木案）";
      d.sections[1]?.blocks.push({ text: "鈴木の段落" });
    });
    const changes = reportChanges(report, typed);
    const both = edits.produce(merged, (d) => {
      applyReportChanges(d, changes);
    });
    expect(both.title).toBe("報告（鈴木案）");
    expect(both.sections[0]?.blocks[0]?.text).toBe("本文です");
    expect(both.sections[1]?.blocks).toEqual([{ text: "鈴木の段落" }]);
  });

  it("is left out where the other version lacks its place", () => {
    const typed = edits.produce(report, (d) => {
      const block = d.sections[1];
      if (block) block.heading = "結果と課題";
    });
    const merged = edits.produce(report, (d) => {
      d.sections.pop();
    });
    const after = edits.produce(merged, (d) => {
      applyReportChanges(d, reportChanges(report, typed));
    });
    expect(after).toEqual(merged);
  });
});

describe("an answer applied to the preview", () => {
  const node = (text: string) => ({ kind: "paragraph" as const, text });
  const origin = (block: number) => ({ section: [0], block });
  const preview: Preview = {
    document: { title: "報告", authors: [], language: "ja", preset: "ja-katakana", meeting_start: null, body: [node("一"), node("二"), node("三")] },
    origins: [origin(0), origin(1), origin(2)],
  };

  it("replaces the nodes named, keeps the rest, and takes the new head", () => {
    const next = applyPreviewUpdate(preview, {
      kind: "changed",
      version: 2,
      title: "報告（案）",
      authors: [],
      language: "ja",
      preset: "ja-katakana",
      meeting_start: null,
      start: 1,
      removed: 1,
      nodes: [node("二・改"), node("二の二")],
      origins: [origin(1), origin(2)],
    });
    expect(next.document.title).toBe("報告（案）");
    expect(next.document.body.map((n) => (n.kind === "paragraph" ? n.text : ""))).toEqual(["一", "二・改", "二の二", "三"]);
    expect(next.document.body[0]).toBe(preview.document.body[0]);
    expect(next.document.body[3]).toBe(preview.document.body[2]);
    expect(next.origins).toHaveLength(4);
    expect(preview.document.body).toHaveLength(3);
  });
});
