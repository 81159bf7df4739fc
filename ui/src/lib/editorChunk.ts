// The editor (ReportView and everything it imports) is a chunk of its own, so that the
// first script the window runs at start-up is the library's only. The library fetches it
// once its list is shown, before a report is opened.

let editor: Promise<typeof import("./ReportView.svelte")> | null = null;

/** The editor's module; a failed load is tried again on the next call. */
export function loadEditor(): Promise<typeof import("./ReportView.svelte")> {
  editor ??= import("./ReportView.svelte").catch((error: unknown) => {
    editor = null;
    throw error;
  });
  return editor;
}

/** Fetches the editor ahead of need; a failure is shown when a report is opened. */
export function preloadEditor(): void {
  loadEditor().catch(() => undefined);
}
