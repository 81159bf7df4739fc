// Closing the window first asks the open report whether it may: Tauri keeps the window
// open while a JS listener handles the close request, and destroys it when the listener
// resolves without preventDefault() (capabilities `core:window:allow-destroy`, and
// `allow-close` for the keyboard's close below).

import { getCurrentWindow } from "@tauri-apps/api/window";

/**
 * Runs `mayClose` (save what is pending; ask when something cannot be saved) before the
 * window closes, which stays open when it answers false. Returns the function that stops.
 */
export function guardClose(mayClose: () => Promise<boolean>): () => void {
  let stop: (() => void) | null = null;
  let stopped = false;
  void getCurrentWindow()
    .onCloseRequested(async (event) => {
      if (!(await mayClose())) event.preventDefault();
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
