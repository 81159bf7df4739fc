// Which screen is shown. Kept as data so later screens (the editor) slot in here.

export type Screen = { name: "library" } | { name: "report"; id: number };

class Navigation {
  screen = $state<Screen>({ name: "library" });
  /** The report last opened, so the library can return keyboard focus to its row. */
  lastReportId = $state<number | null>(null);

  openReport(id: number): void {
    this.lastReportId = id;
    this.screen = { name: "report", id };
  }

  showLibrary(): void {
    this.screen = { name: "library" };
  }
}

export const navigation = new Navigation();
