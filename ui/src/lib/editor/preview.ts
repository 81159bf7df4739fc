// The live preview kept in step with the report by what changed (the shell's
// `Previewer`): an edit is sent as the parts of the report it replaced, and the answer
// names the nodes of the document that changed. Both are found by identity: an edit
// leaves every part it did not touch the same object (session.svelte.ts), so comparing
// two versions of the report looks only along the changed paths.

import type { Preview, PreviewUpdate, ReportChange } from "../../bindings";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };

function isObject(value: unknown): value is { [key: string]: Json | undefined } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The keys JSON writes: a key whose value is undefined is left out, as if absent. */
function keysOf(value: { [key: string]: Json | undefined }): string[] {
  return Object.keys(value).filter((key) => value[key] !== undefined);
}

function sameKeys(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/** A JSON Pointer's step (RFC 6901). */
function step(key: string | number): string {
  return `/${String(key).replaceAll("~", "~0").replaceAll("/", "~1")}`;
}

/**
 * The parts of `after` that are not `before`'s, each with its place: an array whose length
 * changed, or an object that gained or lost a key, is one part as a whole.
 */
export function reportChanges<T>(before: T, after: T): ReportChange[] {
  const changes: ReportChange[] = [];
  collect(before as Json, after as Json, "", changes);
  return changes;
}

function collect(before: Json, after: Json, pointer: string, changes: ReportChange[]): void {
  if (before === after) return;
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    for (let i = 0; i < after.length; i++) collect(before[i] as Json, after[i] as Json, pointer + step(i), changes);
    return;
  }
  if (isObject(before) && isObject(after)) {
    const keys = keysOf(after);
    if (sameKeys(keysOf(before), keys)) {
      for (const key of keys) collect(before[key] as Json, after[key] as Json, pointer + step(key), changes);
      return;
    }
  }
  changes.push({ pointer, value: JSON.stringify(after) });
}

/**
 * Puts `changes` (found by `reportChanges`) into `draft`, a copy being changed: an edit
 * typed meanwhile put back on top of another version of the report. A change whose place
 * that version lacks (its element gone) is left out.
 */
export function applyReportChanges(draft: unknown, changes: readonly ReportChange[]): void {
  for (const { pointer, value } of changes) {
    const steps = pointer
      .split("/")
      .slice(1)
      .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
    const last = steps.pop();
    if (last === undefined) continue;
    let here = draft as Json;
    for (const key of steps) here = (Array.isArray(here) ? here[Number(key)] : isObject(here) ? here[key] : undefined) as Json;
    if (Array.isArray(here) && Number(last) < here.length) here[Number(last)] = JSON.parse(value) as Json;
    else if (isObject(here) && last in here) here[last] = JSON.parse(value) as Json;
  }
}

/** `preview` with an answer of kind "changed" applied: the new head, the body's nodes spliced. */
export function applyPreviewUpdate(preview: Preview, update: Extract<PreviewUpdate, { kind: "changed" }>): Preview {
  const { start, removed, nodes, origins } = update;
  const splice = <T>(list: readonly T[], added: readonly T[]): T[] => [...list.slice(0, start), ...added, ...list.slice(start + removed)];
  return {
    document: {
      title: update.title,
      authors: update.authors,
      language: update.language,
      preset: update.preset,
      meeting_start: update.meeting_start,
      body: splice(preview.document.body, nodes),
    },
    origins: splice(preview.origins, origins),
  };
}
