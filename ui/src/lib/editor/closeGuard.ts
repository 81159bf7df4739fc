// Closing the window waits for the last change to be saved: Tauri keeps the window open
// while a JS listener handles the close request, then this listener's resolution lets
// the API destroy it (capabilities `core:window:allow-destroy`, and `allow-close` for
// the keyboard's close below).

import { getCurrentWindow } from "@tauri-apps/api/window";

/** Runs `flush` before the window closes; returns the function that stops doing so. */
export function flushBeforeClose(flush: () => Promise<void>): () => void {
  let stop: (() => void) | null = null;
  let stopped = false;
  void getCurrentWindow()
    .onCloseRequested(async () => {
      await flush();
    })
    .then((unlisten) => {
      if (stopped) unlisten();
      else stop = unlisten;
    });
  return () => {
    stopped = true;
    stop?.();
  };
}

/**
 * Ctrl+Q (or Ctrl+W) closes the window as its close button does, through the close
 * request, so the guard above saves first. Returns whether the key was taken.
 */
export function closeOnShortcut(event: KeyboardEvent): boolean {
  if (event.isComposing || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return false;
  const key = event.key.toLowerCase();
  if (key !== "q" && key !== "w") return false;
  event.preventDefault();
  void getCurrentWindow().close();
  return true;
}
