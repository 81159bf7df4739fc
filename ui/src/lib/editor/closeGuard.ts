// Closing the window waits for the last change to be saved: Tauri keeps the window open
// while a JS listener handles the close request, then this listener's resolution lets
// the API destroy it (capability `core:window:allow-destroy`).

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
