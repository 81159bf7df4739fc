// Runs the report's checks again shortly after each edit, with an injectable clock so its
// timing can be unit-tested. The checks run in the backend and reply later: a reply to a
// report that has changed since is dropped, so findings never go back in time.

import { Debouncer, realClock, type Clock } from "./scheduler";

export type CheckerOptions<T, R> = {
  /** Checks one value; may take a while. */
  check: (value: T) => Promise<R>;
  /** Receives the result for the latest value only. */
  onResult: (result: R) => void;
  delayMs: number;
  clock?: Clock;
};

/**
 * Checks the latest value `delayMs` after the last change. While held (an IME composition
 * is in progress, the text is half-typed) nothing is checked; `release()` checks what
 * waited.
 */
export class Checker<T, R> {
  #value: T;
  #version = 0;
  #held = false;
  #owed = false;
  #disposed = false;
  readonly #debouncer: Debouncer;
  readonly #check: (value: T) => Promise<R>;
  readonly #onResult: (result: R) => void;

  constructor(value: T, { check, onResult, delayMs, clock = realClock }: CheckerOptions<T, R>) {
    this.#value = value;
    this.#check = check;
    this.#onResult = onResult;
    this.#debouncer = new Debouncer(
      () => {
        if (this.#held) this.#owed = true;
        else void this.#run();
      },
      delayMs,
      clock,
    );
  }

  change(value: T): void {
    this.#value = value;
    this.#version += 1;
    this.#debouncer.schedule();
  }

  hold(): void {
    this.#held = true;
  }

  release(): void {
    this.#held = false;
    if (this.#owed) {
      this.#owed = false;
      this.#debouncer.schedule();
    }
  }

  /** Checks the latest value at once (even while held) and resolves to its result. */
  now(): Promise<R> {
    this.#debouncer.cancel();
    this.#owed = false;
    return this.#run();
  }

  /** No result is delivered after this. */
  dispose(): void {
    this.#disposed = true;
    this.#debouncer.cancel();
  }

  async #run(): Promise<R> {
    const version = this.#version;
    const result = await this.#check(this.#value);
    if (version === this.#version && !this.#disposed) this.#onResult(result);
    return result;
  }
}
