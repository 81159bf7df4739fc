// How a field finds a merge's conflict on its own path without every editor passing it
// down: the report editor provides them, `Field` reads them by its `path`.

import { createContext } from "svelte";
import type { Conflicted } from "./conflicts";

export type ConflictsContext = {
  /** The conflict on `path` and which of its values the field holds now; null when none
   * is to be shown (none, dismissed, or the field typed anew since). */
  at: (path: string) => { conflict: Conflicted; holding: "kept" | "other" } | null;
  /** Puts one of the conflict's values in its field. */
  take: (conflict: Conflicted, value: Conflicted["kept"]) => void;
  dismiss: (conflict: Conflicted) => void;
};

const [get, set, has] = createContext<ConflictsContext>();

export const provideConflicts = set;

/** The conflicts context, or null outside the report editor. */
export function conflictsContext(): ConflictsContext | null {
  return has() ? get() : null;
}
