// Looks at the shared folders of linked reports that no editor has open. The shell tells
// the window when a linked report's folder changed; the editor that has the report open
// looks itself, between two of its saves (CoAuthoring), and any other report is looked
// at here, so that what co-authors wrote arrives without the report being opened.
// Opening a report waits for a look at it in flight: the editor must start from the
// merged report, or its first save would take the merge back.

import { listen } from "@tauri-apps/api/event";
import { commands } from "../bindings";
import { navigation } from "./navigation.svelte";
import { load } from "./result";

/** The shell's event: a linked report's folder changed (its payload: the report's id). */
export const FOLDER_CHANGED = "shared-folder-changed";

class FolderLooks {
  /** The looks being made, by report. */
  #looking = new Map<number, Promise<void>>();
  /** How many looks made here brought something in: the library reloads its list when it grows. */
  merged = $state(0);

  /** Listens for the shell's news of the folders; returns how to stop. */
  start(): () => void {
    navigation.setBeforeOpen((id) => this.#looking.get(id) ?? Promise.resolve());
    const unlisten = listen<number>(FOLDER_CHANGED, (event) => {
      const id = event.payload;
      const screen = navigation.screen;
      if (screen.name === "report" && screen.id === id) return;
      this.#look(id);
    });
    return () => {
      navigation.setBeforeOpen(null);
      void unlisten.then((stop) => {
        stop();
      });
    };
  }

  /** Looks at report `id`'s folder, after any look at it already being made. */
  #look(id: number): void {
    const before = this.#looking.get(id) ?? Promise.resolve();
    const look = before.then(async () => {
      // A look that fails (the folder gone) is said in the report's panel when it is opened.
      const looked = await load(() => commands.syncFolder(id));
      if (looked.state === "ready" && looked.data.merged.changed) this.merged += 1;
    });
    this.#looking.set(id, look);
    void look.finally(() => {
      if (this.#looking.get(id) === look) this.#looking.delete(id);
    });
  }
}

export const folderLooks = new FolderLooks();
