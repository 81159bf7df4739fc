// Undo/redo over whole-report snapshots. Snapshots are immutable values (an edit makes a
// new report sharing the parts it did not change), so keeping them costs only the changed
// parts, and never aliasing bugs.

export type HistoryOptions = {
  /** How many undo steps are kept; the oldest are dropped first. */
  limit?: number;
  /** Consecutive changes to the same field closer together than this become one step. */
  coalesceMs?: number;
};

export class History<T> {
  #past: T[] = [];
  #future: T[] = [];
  #present: T;
  #lastKey: string | null = null;
  #lastAt = Number.NEGATIVE_INFINITY;
  readonly #limit: number;
  readonly #coalesceMs: number;

  constructor(initial: T, { limit = 200, coalesceMs = 1500 }: HistoryOptions = {}) {
    this.#present = initial;
    this.#limit = Math.max(1, limit);
    this.#coalesceMs = coalesceMs;
  }

  get present(): T {
    return this.#present;
  }

  get canUndo(): boolean {
    return this.#past.length > 0;
  }

  get canRedo(): boolean {
    return this.#future.length > 0;
  }

  /**
   * Records `next` as the current state. `key` names the field that changed; a change to
   * the same field as the previous one, within the coalescing window, replaces the
   * current step instead of adding one, so a typed word undoes as a whole.
   */
  push(next: T, key: string | null = null, now: number = Date.now()): void {
    const coalesce = key !== null && key === this.#lastKey && now - this.#lastAt <= this.#coalesceMs;
    if (!coalesce) {
      this.#past.push(this.#present);
      if (this.#past.length > this.#limit) this.#past.shift();
    }
    this.#present = next;
    this.#future = [];
    this.#lastKey = key;
    this.#lastAt = now;
  }

  /** The state before the last step, or null when there is none. */
  undo(): T | null {
    return this.#step(this.#past, this.#future);
  }

  /** The state the last undo left, or null when there is none. */
  redo(): T | null {
    return this.#step(this.#future, this.#past);
  }

  /** Undo and redo: the state on top of `from` becomes the present, the present goes onto `to`. */
  #step(from: T[], to: T[]): T | null {
    const state = from.pop();
    if (state === undefined) return null;
    to.push(this.#present);
    this.#present = state;
    this.#lastKey = null;
    return state;
  }

  /**
   * Takes `value` as the current state without a step of its own: the same report as it
   * is stored (with the identities the store gave), which undo should come back to.
   */
  replacePresent(value: T): void {
    this.#present = value;
    this.#lastKey = null;
  }

  /** Ends the current step, so that the next change starts a new one (e.g. on blur). */
  seal(): void {
    this.#lastKey = null;
  }
}
