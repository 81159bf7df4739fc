// Text typed into a field that cannot be read as the field's value yet (「2026年13月1日」
// in a date, 「12a」 in a count). The report keeps the field's last value that could be
// read, and every other edit goes on being saved: one unreadable field never holds back
// the rest. The text itself has no place in the report, so it is kept here, by the
// field's JSON path, while the report is open: the field shows it again when the user
// comes back to it, and leaving the report or quitting while any is left asks first.
// (A value the report can hold but the checks find wrong, such as an end date before
// the start, is saved as typed and shown as a finding: it is no draft.)

import { createContext } from "svelte";
import { SvelteMap } from "svelte/reactivity";

export type Draft = {
  /** The field's JSON path (named to the user as the checks panel names places), or
   * null for a field outside the report's paths, which its label names. */
  path: string | null;
  label: string;
  text: string;
  /** Why it cannot be read. */
  error: string;
};

export class Drafts {
  readonly #byField = new SvelteMap<string, Draft>();

  get(field: string): Draft | undefined {
    return this.#byField.get(field);
  }

  /** Keeps `draft` for `field`, or forgets the field's draft when `draft` is null. */
  set(field: string, draft: Draft | null): void {
    if (draft) this.#byField.set(field, draft);
    else this.#byField.delete(field);
  }

  get all(): Draft[] {
    return [...this.#byField.values()];
  }
}

const [get, set, has] = createContext<Drafts>();

export const provideDrafts = set;

/** The open report's drafts, or null outside the report editor. */
export function draftsContext(): Drafts | null {
  return has() ? get() : null;
}
