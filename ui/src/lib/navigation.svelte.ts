// Which screen is shown. Kept as data so later screens slot in here.

import type { ImportReport } from "../bindings";

/** `at`: the JSON path of the place to show first (a search result's), or null. */
export type Screen = { name: "library" } | { name: "report"; id: number; at: string | null };

/** How long leaving a screen waits for its last save before going anyway. */
const LEAVE_TIMEOUT_MS = 3000;

class Navigation {
  screen = $state<Screen>({ name: "library" });
  /** The report last opened, so the library can return keyboard focus to its row. */
  lastReportId = $state<number | null>(null);
  /** What was read of the report just imported from a published file, shown over it
   * until dismissed. */
  imported = $state<{ id: number; account: ImportReport } | null>(null);
  /** Run before leaving the current screen: the editor saves its pending change. */
  #beforeLeave: (() => Promise<void>) | null = null;

  setBeforeLeave(hook: (() => Promise<void>) | null): void {
    this.#beforeLeave = hook;
  }

  async #leave(): Promise<void> {
    const hook = this.#beforeLeave;
    if (!hook) return;
    await Promise.race([hook(), new Promise((resolve) => setTimeout(resolve, LEAVE_TIMEOUT_MS))]);
  }

  async openReport(id: number, at: string | null = null): Promise<void> {
    await this.#leave();
    this.lastReportId = id;
    this.screen = { name: "report", id, at };
  }

  async showLibrary(): Promise<void> {
    await this.#leave();
    this.screen = { name: "library" };
  }
}

export const navigation = new Navigation();
