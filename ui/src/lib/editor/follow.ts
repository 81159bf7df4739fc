// The preview follows the part being edited, and a click in the preview opens a part:
// between the editor's parts and the preview's nodes, by where prose says each node comes
// from (`Preview.origins`).

import type { Origin, Report } from "../../bindings";
import { sectionAt, samePath } from "./outline";
import type { Part } from "./session.svelte";

/** What of the preview the part being edited is: the title, the byline, nodes of the body. */
export type Highlight = { title: boolean; byline: boolean; nodes: readonly number[] };

/** What of the preview was clicked: the title, the byline, or the body's node at `index`. */
export type PreviewTarget = { kind: "title" } | { kind: "authors" } | { kind: "node"; index: number };

/** The block being edited in the selected section, or none (its heading, its Working Party). */
export type Editing = { part: Part; block: number | null };

function isSummary(report: Report, origin: Origin): boolean {
  return origin.block !== null && sectionAt(report, origin.section)?.blocks[origin.block]?.type === "summary";
}

/**
 * The nodes printed from what is being edited: a section's heading and Working Party
 * sentence, or a block's nodes; for the meeting's facts, the summary they are printed in.
 */
export function highlight(editing: Editing, origins: readonly Origin[], report: Report): Highlight {
  const { part, block } = editing;
  const nodes = (matches: (origin: Origin) => boolean): number[] => origins.flatMap((origin, i) => (matches(origin) ? [i] : []));
  switch (part.kind) {
    case "title":
      return { title: true, byline: false, nodes: [] };
    case "authors":
      return { title: false, byline: true, nodes: [] };
    case "meeting":
      return { title: false, byline: false, nodes: nodes((origin) => isSummary(report, origin)) };
    case "history":
      return { title: false, byline: false, nodes: [] };
    case "section": {
      const inBlock = block === null ? [] : nodes((o) => o.block === block && samePath(o.section, part.path));
      // A block that prints nothing (an empty list) is shown by its section's heading.
      const shown = inBlock.length > 0 ? inBlock : nodes((o) => o.block === null && samePath(o.section, part.path));
      return { title: false, byline: false, nodes: shown };
    }
  }
}

/** What a click on the node of `origin` opens: the meeting's facts for the summary, else its section and block. */
export function partOf(origin: Origin, report: Report): Editing {
  if (isSummary(report, origin)) return { part: { kind: "meeting" }, block: null };
  return { part: { kind: "section", path: origin.section }, block: origin.block };
}

/** What a click on `target` of the preview opens, or null (a node the preview no longer has). */
export function partAtTarget(target: PreviewTarget, origins: readonly Origin[], report: Report): Editing | null {
  if (target.kind !== "node") return { part: { kind: target.kind }, block: null };
  const origin = origins[target.index];
  return origin ? partOf(origin, report) : null;
}
