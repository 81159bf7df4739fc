// What a merge of a colleague's copy did, as the editor shows it: the store's summary
// (whose edits, what both copies changed) and the comparison of the revision before the
// merge with the merge's own, whose earlier side is what undo brings back.

import { commands, type Comparison, type FieldChange, type MergeChange, type MergeSummary } from "../../bindings";
import { load, type Loadable } from "../result";

export type MergeReview = {
  id: number;
  /** The report's newest revision after the merge. */
  revision: number;
  summary: MergeSummary;
  /** The report before the merge and after it, field by field; null when nothing changed. */
  comparison: Comparison | null;
};

/** The review of a merge that left report `id` at `revision` (`changed`: it added that revision). */
export async function reviewMerge(
  id: number,
  revision: number,
  summary: MergeSummary,
  changed: boolean,
): Promise<Loadable<MergeReview>> {
  if (!changed) return { state: "ready", data: { id, revision, summary, comparison: null } };
  // The revision before a merge is kept: the merge starts an entry of the history.
  const compared = await load(() => commands.compareRevisions(id, revision - 1, revision));
  if (compared.state !== "ready") return compared;
  return { state: "ready", data: { id, revision, summary, comparison: compared.data } };
}

/**
 * Who made the change a row of the merge's comparison shows: the co-authors the merge
 * names for that field, or for the element holding it (added, removed or moved whole);
 * none when the merge names no one there.
 */
export function madeBy(changes: readonly MergeChange[], field: FieldChange): string[] {
  const paths = [field.after_path, field.before_path].filter((p) => p !== null);
  let found: MergeChange | null = null;
  for (const change of changes) {
    const holds = paths.some((p) => p === change.path || p.startsWith(`${change.path}.`));
    if (holds && (found === null || change.path.length > found.path.length)) found = change;
  }
  return found?.by ?? [];
}
