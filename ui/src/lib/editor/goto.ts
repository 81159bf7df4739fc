// Going to a place named by its JSON path: its part of the editor selected, its field (or,
// when it has none yet, the nearest around it) in view and focused. The checks panel and
// the merge summary lead the user there.

import { tick } from "svelte";
import { enclosingPaths, partOf } from "./findings";
import type { EditorSession } from "./session.svelte";

export async function goToPath(session: EditorSession, path: string): Promise<void> {
  session.select(partOf(path));
  await tick();
  for (const candidate of enclosingPaths(path)) {
    const field = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(candidate)}"]`);
    if (!field) continue;
    field.scrollIntoView({ block: "center" });
    field.querySelector<HTMLElement>("input, textarea, select")?.focus({ preventScroll: true });
    return;
  }
}
