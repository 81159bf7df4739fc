// What a merge of a colleague's copy did, as the editor shows it: the store's summary
// (whose edits, what both copies changed) and the comparison of the revision before the
// merge with the merge's own, whose earlier side is what undo brings back.

import { commands, type Comparison, type MergeSummary } from "../../bindings";
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
