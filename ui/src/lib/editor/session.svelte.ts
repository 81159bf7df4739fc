// The state of the report open in the editor: the current snapshot, its undo history,
// autosave and the live preview. Components change the report only through `update`.

import { Immer } from "immer";
import { commands, type Finding, type Preview, type PreviewRequest, type Report, type StoredReport } from "../../bindings";
import { nowTimestamp } from "../format";
import { locale } from "../locale.svelte";
import { load, type Loadable } from "../result";
import { Checker } from "./checker";
import { conflictedFields, setValueAt, type Conflicted } from "./conflicts";
import { Drafts, type Draft } from "./drafts.svelte";
import { applyPreviewUpdate, applyReportChanges, reportChanges } from "./preview";
import { History } from "./history";
import type { MergeReview } from "./merge";
import type { SectionPath } from "./outline";
import { Autosaver, Follower, type SaveOutcome, type SaveStatus } from "./scheduler";
import { share } from "./share";

export type Part =
  | { kind: "title" }
  | { kind: "authors" }
  | { kind: "meeting" }
  | { kind: "history" }
  | { kind: "section"; path: SectionPath };

const SAVE_DELAY_MS = 500;
const NOTICE_MS = 8000;
const CHECK_DELAY_MS = 400;

/**
 * Edits as copies on write: an edit copies only the objects on the paths it changes, the
 * rest of the report stays the same objects (docs/performance.md). Not frozen: freezing
 * walks the whole report on the first edit, and nothing mutates a report in place.
 */
const edits = new Immer({ autoFreeze: false });

export class EditorSession {
  readonly id: number;
  /** Never mutated in place: `update` replaces it with a changed copy. */
  report = $state.raw<Report>() as Report;
  revision = $state(0);
  savedAt = $state("");
  status = $state<SaveStatus>({ state: "saved" });
  canUndo = $state(false);
  canRedo = $state(false);
  selected = $state<Part>({ kind: "title" });
  /** The block of the selected section being edited (the one holding the focus), if any. */
  block = $state<number | null>(null);
  /** The last preview that could be computed; kept while a newer one is on its way. */
  preview = $state.raw<Preview | null>(null);
  previewError = $state<string | null>(null);
  /** Typed text that cannot be read as its field's value yet. */
  readonly drafts = new Drafts();
  /** A quiet line about the last structural edit: what was removed (undo brings it back), what moved. */
  notice = $state<string | null>(null);
  /** The checks' findings on the report as it is on screen (saved or not). */
  findings = $state.raw<Finding[]>([]);
  checksError = $state<string | null>(null);
  /** The fields the last merge found changed in both copies, still to be looked at. */
  conflicts = $state.raw<Conflicted[]>([]);

  #composing = false;
  #opening: ReturnType<typeof setTimeout>;
  #noticeTimer: ReturnType<typeof setTimeout> | null = null;
  #previewRequest = 0;
  /** The report the shell's preview holds, and the version it gave it; null: none yet. */
  #previewed: { version: number; report: Report } | null = null;
  readonly #history: History<Report>;
  readonly #autosaver: Autosaver<Report>;
  readonly #previewer: Follower;
  readonly #checker: Checker<Report, Loadable<Finding[]>>;

  constructor(view: StoredReport) {
    this.id = view.id;
    this.report = view.report;
    this.revision = view.revision;
    this.savedAt = view.saved_at;
    this.#history = new History(view.report);
    this.#autosaver = new Autosaver<Report>({
      delayMs: SAVE_DELAY_MS,
      save: (report) => this.#save(report),
      onStatus: (status) => {
        this.status = status;
      },
    });
    // The preview follows every change as soon as the last one is shown (docs/performance.md).
    this.#previewer = new Follower(() => this.#refreshPreview());
    this.#checker = new Checker(view.report, {
      delayMs: CHECK_DELAY_MS,
      // Worded in the UI's language, as the rest of the editor is.
      check: (report) => load(() => commands.checkReport(this.id, report, locale.language)),
      onResult: (result) => {
        this.#showFindings(result);
      },
    });
    // After the editor's first paint: sending a long report takes a while.
    this.#previewer.schedule();
    this.#opening = setTimeout(() => void this.#checker.now(), 0);
  }

  get composing(): boolean {
    return this.#composing;
  }

  /**
   * Applies `change` to a copy of the report. `key` names the edited field: consecutive
   * changes to one field become a single undo step.
   */
  update(key: string | null, change: (draft: Report) => void): void {
    const changed = edits.produce(this.report, (draft) => {
      change(draft);
    });
    // The parts the change did not touch are the same objects: the editor redraws only
    // what changed. A part replaced by an equal one (a group of fields written anew) is
    // the previous object again, and a change that changed nothing is no change.
    const report = share(this.report, changed);
    if (report === this.report) return;
    this.#history.push(report, key);
    this.#apply(report);
  }

  undo(): void {
    const report = this.#history.undo();
    if (report) this.#apply(report);
  }

  redo(): void {
    const report = this.#history.redo();
    if (report) this.#apply(report);
  }

  /**
   * Shows a merge the store has made (`review`): the report becomes the merged one in one
   * undo step, from the revision stored just before (so undo takes the merge back whole,
   * identities and all), and the fields changed in both copies are marked.
   */
  absorbMerge(review: MergeReview): void {
    this.conflicts = conflictedFields(review.summary.conflicts);
    if (review.comparison === null) return;
    this.#history.replacePresent(review.comparison.before);
    this.#history.push(review.comparison.after, null);
    this.#history.seal();
    this.revision = review.revision;
    this.savedAt = nowTimestamp();
    this.#apply(review.comparison.after);
  }

  /**
   * Runs `merge`, in which the store merges co-authors' edits into this report (a look at
   * its shared folder), with nothing saved meanwhile: a save of the report as it was
   * before would take the merge back. What `merge` merged is shown as `absorbMerge` shows
   * a merge, and an edit typed while it was made is put back on top, as an edit of its own.
   */
  async mergeInStore(merge: () => Promise<MergeReview | null>): Promise<MergeReview | null> {
    await this.flush();
    this.#autosaver.hold();
    const before = this.report;
    try {
      const review = await merge();
      if (review !== null) {
        const typed = reportChanges(before, this.report);
        this.absorbMerge(review);
        if (typed.length > 0) {
          this.update(null, (draft) => {
            applyReportChanges(draft, typed);
          });
        }
      }
      return review;
    } finally {
      // An IME composition begun meanwhile holds the saves until it ends.
      if (!this.#composing) this.#autosaver.release();
    }
  }

  /** Puts `value` in the field at `path` (one of a conflict's two values), as an undoable edit. */
  takeValue(path: string, value: Conflicted["kept"]): void {
    this.update(null, (draft) => {
      setValueAt(draft, path, value);
    });
    this.seal();
  }

  /** The user has seen the conflict at `path` and keeps the field as it is. */
  dismissConflict(path: string): void {
    this.conflicts = this.conflicts.filter((c) => c.path !== path);
  }

  /** Ends the current undo step (a field lost focus). */
  seal(): void {
    this.#history.seal();
  }

  select(part: Part): void {
    this.#history.seal();
    this.selected = part;
    this.block = null;
  }

  /** The block of the selected section now edited (null: the section's own fields). */
  editBlock(block: number | null): void {
    if (this.selected.kind === "section") this.block = block;
  }

  /** While an IME composition is in progress nothing is saved or re-previewed. */
  compositionStarted(): void {
    this.#composing = true;
    this.#autosaver.hold();
    this.#checker.hold();
  }

  compositionEnded(): void {
    this.#composing = false;
    this.#autosaver.release();
    this.#checker.release();
    this.#previewer.schedule();
  }

  /** Saves a pending change now; for leaving the screen or closing the window. */
  flush(): Promise<void> {
    return this.#autosaver.flush();
  }

  /**
   * What leaving the report now would lose: an edit not saved (still waiting, or its
   * save failed: `failed` says why) and the text of fields that cannot be read.
   */
  get unsaved(): { pending: boolean; failed: string | null; drafts: Draft[] } {
    return {
      pending: this.#autosaver.dirty || this.status.state === "saving",
      failed: this.status.state === "failed" ? this.status.message : null,
      drafts: this.drafts.all,
    };
  }

  /** Shows `message` in the quiet notice (read out by screen readers) for a few seconds. */
  announce(message: string): void {
    this.notice = message;
    if (this.#noticeTimer !== null) clearTimeout(this.#noticeTimer);
    this.#noticeTimer = setTimeout(() => {
      this.notice = null;
      this.#noticeTimer = null;
    }, NOTICE_MS);
  }

  /** Checks the report again soon (the UI's language changed, and with it the findings' wording). */
  recheck(): void {
    this.#checker.change(this.report);
  }

  /** Checks the report as it is now (before an export) and returns the findings. */
  /** The findings of the report as it is now; a failed run says why, it is never "none". */
  async checkNow(): Promise<Loadable<Finding[]>> {
    return this.#checker.now();
  }

  dispose(): void {
    clearTimeout(this.#opening);
    this.#previewer.cancel();
    if (this.#noticeTimer !== null) clearTimeout(this.#noticeTimer);
    this.#checker.dispose();
  }

  #apply(report: Report): void {
    this.report = report;
    this.canUndo = this.#history.canUndo;
    this.canRedo = this.#history.canRedo;
    this.#autosaver.change(report);
    this.#previewer.schedule();
    this.#checker.change(report);
  }

  #showFindings(result: Loadable<Finding[]>): void {
    if (result.state === "ready") {
      // The same findings as before stay the same objects: no field redraws for them.
      this.findings = share(this.findings, result.data);
      this.checksError = null;
    } else if (result.state === "failed") {
      this.checksError = result.message;
    }
  }

  async #save(report: Report): Promise<SaveOutcome> {
    const result = await load(() => commands.saveReport(this.id, report));
    if (result.state === "ready") {
      this.revision = result.data.revision;
      this.savedAt = nowTimestamp();
      return { ok: true };
    }
    return { ok: false, message: result.state === "failed" ? result.message : "" };
  }

  async #refreshPreview(): Promise<void> {
    if (this.#composing) return;
    const request = ++this.#previewRequest;
    const report = this.report;
    const followed = this.#previewed;
    let asked: PreviewRequest;
    if (followed === null) {
      asked = { kind: "whole", report };
    } else {
      // Only the parts changed since the report the preview holds.
      const changes = reportChanges(followed.report, report);
      if (changes.length === 0) return;
      asked = { kind: "changes", base: followed.version, changes };
    }
    const result = await load(() => commands.previewReport(asked));
    // An older reply must not replace a newer preview.
    if (request !== this.#previewRequest) return;
    if (result.state === "ready") {
      const update = result.data;
      if (update.kind === "stale") {
        // The shell holds another report (or none): it gets this one whole.
        this.#previewed = null;
        this.#previewer.schedule();
        return;
      }
      this.#previewed = { version: update.version, report };
      const next = update.kind === "whole" ? update.preview : this.preview === null ? null : applyPreviewUpdate(this.preview, update);
      if (next === null) {
        this.#previewed = null;
        this.#previewer.schedule();
        return;
      }
      // Only the nodes that changed are new objects, and only they are redrawn.
      this.preview = this.preview === null ? next : share(this.preview, next);
      this.previewError = null;
    } else if (result.state === "failed") {
      // Sent whole next time: what the shell holds is not known.
      this.#previewed = null;
      this.previewError = result.message;
    }
  }
}
