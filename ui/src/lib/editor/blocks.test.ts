import { describe, expect, it } from "vitest";
import type { Report, Section } from "../../bindings";
import { blockAt, blockJsonPath, newBlock, sectionJsonPath } from "./blocks";

const section: Section = {
  heading: null,
  working_party: { number: 1, title: "デジタルID" },
  blocks: [
    { type: "question", number: 10, outcomes: [] },
    { type: "question", number: 6, outcomes: [] },
  ],
};

describe("blocks", () => {
  it("names a section and a block by the JSON path the checks use", () => {
    expect(sectionJsonPath([2])).toBe("sections[2]");
    expect(sectionJsonPath([2, 0])).toBe("sections[2].sections[0]");
    expect(blockJsonPath([2, 0], 1)).toBe("sections[2].sections[0].blocks[1]");
  });

  it("makes empty blocks of each kind; a new Question takes the next number free in the report", () => {
    const wp2: Section = { heading: null, working_party: { number: 2, title: "サイバーセキュリティ" }, blocks: [{ type: "question", number: 11, outcomes: [] }] };
    const report = { sections: [{ heading: "結果", blocks: [], sections: [section, wp2] }] } as unknown as Report;
    // After the section's 10, 11 is WP2's: 12.
    expect(newBlock("question", section, report)).toEqual({ type: "question", number: 12, outcomes: [], discussed: true });
    // A section with none follows the report's highest.
    expect(newBlock("question", { blocks: [] }, report)).toMatchObject({ number: 12 });
    expect(newBlock("question", { blocks: [] }, { sections: [] } as unknown as Report)).toMatchObject({ number: 1 });
    expect(newBlock("bullets", section, report)).toEqual({ type: "bullets", items: [""] });
    expect(newBlock("schedule", section, report)).toEqual({ type: "schedule", rows: [{ meeting: "" }] });
    expect(newBlock("paragraph", section, report)).toEqual({ type: "paragraph", text: "" });
    expect(newBlock("summary", section, report)).toEqual({ type: "summary" });
  });

  it("finds a block only when it is of the kind asked for", () => {
    const report = { sections: [{ heading: "結果", blocks: [], sections: [section] }] } as unknown as Report;
    expect(blockAt(report, [0, 0], 1, "question")?.number).toBe(6);
    expect(blockAt(report, [0, 0], 1, "schedule")).toBeNull();
    expect(blockAt(report, [0, 0], 2, "question")).toBeNull();
    expect(blockAt(report, [3], 0, "question")).toBeNull();
  });
});
