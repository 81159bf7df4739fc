// Which screen is shown. Kept as data so later screens slot in here.

import type { ImportNotice, SharedImport } from "../bindings";

/** `at`: the JSON path of the place to show first (a search result's), or null;
 * `checks`: the checks panel open from the start (a new report's list of what to fill). */
export type Screen = { name: "library" } | { name: "report"; id: number; at: string | null; checks: boolean };

class Navigation {
  screen = $state<Screen>({ name: "library" });
  /** The report last opened, so the library can return keyboard focus to its row. */
  lastReportId = $state<number | null>(null);
  /** What was read of the report just imported from a published file, shown over it
   * until dismissed. */
  imported = $state<{ id: number; notice: ImportNotice } | null>(null);
  /** A colleague's copy just merged into a report (its share file opened or imported):
   * the report's editor shows what the merge did when it opens. */
  merged = $state.raw<SharedImport | null>(null);
  /** Run before leaving the current screen: the editor saves its pending change, and
   * asks the user when something cannot be saved; false keeps the screen. */
  #beforeLeave: (() => Promise<boolean>) | null = null;
  /** Run before a report's editor is shown: what is being merged into it lands first. */
  #beforeOpen: ((id: number) => Promise<void>) | null = null;

  setBeforeLeave(hook: (() => Promise<boolean>) | null): void {
    this.#beforeLeave = hook;
  }

  setBeforeOpen(hook: ((id: number) => Promise<void>) | null): void {
    this.#beforeOpen = hook;
  }

  async #mayLeave(): Promise<boolean> {
    return (await this.#beforeLeave?.()) ?? true;
  }

  async openReport(id: number, at: string | null = null, { checks = false } = {}): Promise<void> {
    if (!(await this.#mayLeave())) return;
    await this.#beforeOpen?.(id);
    this.lastReportId = id;
    this.screen = { name: "report", id, at, checks };
  }

  async showLibrary(): Promise<void> {
    if (!(await this.#mayLeave())) return;
    this.screen = { name: "library" };
  }
}

export const navigation = new Navigation();
