// How a field finds the checks' findings on its own path without every editor passing
// them down: the report editor provides them, `Field` reads them by its `path`.

import { createContext } from "svelte";
import type { Finding, Language } from "../../bindings";

export type FindingsContext = {
  /** The findings whose path is exactly `path`. */
  at: (path: string) => readonly Finding[];
  /** The language the messages are in: the UI's. */
  readonly language: Language;
};

const [get, set, has] = createContext<FindingsContext>();

export const provideFindings = set;

/** The findings context, or null outside the report editor. */
export function findingsContext(): FindingsContext | null {
  return has() ? get() : null;
}
