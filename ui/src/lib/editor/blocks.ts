// The blocks of a section: new blocks of each kind, where a block is in the report, and
// its JSON path, the name the backend's checks and the fields' `data-path` use.

import type { Block, Outcome, Report, ScheduleRow, Section } from "../../bindings";
import type { Messages } from "../i18n";
import { sectionAt, type SectionPath } from "./outline";
import type { EditorSession } from "./session.svelte";

export type BlockKind = Block["type"];

export const BLOCK_KINDS: readonly BlockKind[] = ["paragraph", "bullets", "question", "schedule", "summary"];

/** `sections[2].sections[0]` for [2, 0]. */
export function sectionJsonPath(path: SectionPath): string {
  return path.map((index) => `sections[${index}]`).join(".");
}

/** `sections[2].blocks[1]`. */
export function blockJsonPath(section: SectionPath, index: number): string {
  return `${sectionJsonPath(section)}.blocks[${index}]`;
}

/** The numbers of the Questions in `sections` and their subsections. */
function questionNumbers(sections: readonly Section[]): number[] {
  return sections.flatMap((s) => [
    ...s.blocks.flatMap((b) => (b.type === "question" ? [b.number] : [])),
    ...questionNumbers(s.sections ?? []),
  ]);
}

/**
 * A new, empty block of `kind` for `section` of `report`. A new Question takes the
 * first number after the section's highest (the report's, in a section without one)
 * that no Question of the report has: a Question number is the study group's, one
 * Question in the whole report.
 */
export function newBlock(kind: BlockKind, section: Section, report: Report): Block {
  switch (kind) {
    case "paragraph":
      return { type: "paragraph", text: "" };
    case "bullets":
      return { type: "bullets", items: [""] };
    case "question": {
      const used = new Set(questionNumbers(report.sections));
      const near = questionNumbers([{ ...section, sections: [] }]);
      let number = Math.max(0, ...(near.length > 0 ? near : used)) + 1;
      while (used.has(number)) number += 1;
      return { type: "question", number, outcomes: [], discussed: true };
    }
    case "schedule":
      return { type: "schedule", rows: [newScheduleRow()] };
    case "summary":
      return { type: "summary" };
  }
}

export function newOutcome(): Outcome {
  return { id: null, title: "", action: "approved" };
}

export function newScheduleRow(): ScheduleRow {
  return { meeting: "" };
}

/** The block at `index` of the section at `section` in a draft, if it is of `kind`. */
export function blockAt<K extends BlockKind>(report: Report, section: SectionPath, index: number, kind: K): Extract<Block, { type: K }> | null {
  const block = sectionAt(report, section)?.blocks[index];
  return block?.type === kind ? (block as Extract<Block, { type: K }>) : null;
}

/**
 * Changes the block at `index` of a section through the session (so autosave and undo
 * cover it). `key` names the field within the block, for coalescing typed characters
 * into one undo step; null makes the change a step of its own.
 */
export function updateBlock<K extends BlockKind>(
  session: EditorSession,
  section: SectionPath,
  index: number,
  kind: K,
  key: string | null,
  change: (block: Extract<Block, { type: K }>) => void,
): void {
  session.update(key === null ? null : `${blockJsonPath(section, index)}.${key}`, (r) => {
    const block = blockAt(r, section, index, kind);
    if (block) change(block);
  });
}

/**
 * A block's name in the editor (and in the checks panel): "課題10", or its kind and its
 * count among the section's blocks of that kind ("段落 2").
 */
export function blockTitle(blocks: readonly Block[], index: number, t: Messages): string {
  const tb = t.editor.blocks;
  const block = blocks[index];
  if (!block) return "";
  if (block.type === "question") return tb.question(block.number);
  const n = blocks.slice(0, index + 1).filter((b) => b.type === block.type).length;
  return tb.title(tb.kinds[block.type], n);
}
