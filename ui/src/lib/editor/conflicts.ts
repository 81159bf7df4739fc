// The fields a merge found changed in both copies (crates/collab decides which value is
// kept, the same in every copy): each is marked in the editor with the value kept and
// the other one, until the user takes one of them, types another, or dismisses it.

import type { FieldValue, MergeConflict, Report } from "../../bindings";
import { parsePath } from "./findings";

/** A field both copies changed: its JSON path, the value kept and the other copy's. */
export type Conflicted = { path: string; kept: FieldValue | null; other: FieldValue | null };

/** The fields to mark among a merge's conflicts (an element deleted while edited has no field left). */
export function conflictedFields(conflicts: readonly MergeConflict[]): Conflicted[] {
  return conflicts.flatMap((c) => (c.kind === "both_changed" ? [{ path: c.path, kept: c.kept, other: c.other }] : []));
}

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === "object" && value !== null;
}

function step(container: Container, key: string | number): unknown {
  return Array.isArray(container) ? container[key as number] : container[key as string];
}

/** The value at `path` in `report` (null when the path leads nowhere or to nothing). */
export function valueAt(report: Report, path: string): unknown {
  let here: unknown = report;
  for (const s of parsePath(path)) {
    if (!isContainer(here)) return null;
    here = step(here, "field" in s ? s.field : s.index);
  }
  return here ?? null;
}

/**
 * Sets the value at `path` in `draft` (a copy being changed), making the objects on the
 * way when the other copy had a field this one emptied; `null` empties it. Returns false,
 * changing nothing, when the path does not lead to a field of the report.
 */
export function setValueAt(draft: Report, path: string, value: FieldValue | null): boolean {
  const steps = parsePath(path);
  const last = steps.at(-1);
  if (!last) return false;
  let here: unknown = draft;
  for (let i = 0; i < steps.length - 1; i += 1) {
    const s = steps[i];
    const next = steps[i + 1];
    if (!s || !next || !isContainer(here)) return false;
    const key = "field" in s ? s.field : s.index;
    let inner = step(here, key);
    if (inner === null || inner === undefined) {
      // Only an object can be made anew: a list missing means the element is gone.
      if (!("field" in next) || Array.isArray(here)) return false;
      inner = {};
      (here)[key as string] = inner;
    }
    here = inner;
  }
  if (!isContainer(here)) return false;
  if ("field" in last) {
    if (Array.isArray(here)) return false;
    here[last.field] = value;
  } else {
    if (!Array.isArray(here) || last.index >= here.length) return false;
    here[last.index] = value;
  }
  return true;
}

/** Which of the two values the field holds now: the kept one, the other one, or neither (typed anew). */
export function holding(report: Report, conflict: Conflicted): "kept" | "other" | null {
  const now = valueAt(report, conflict.path);
  if (now === conflict.kept) return "kept";
  if (now === conflict.other) return "other";
  return null;
}
