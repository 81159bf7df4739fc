// A clock for unit tests of timed behaviour: time only moves when the test says so.

import type { Clock } from "./scheduler";

export class FakeClock implements Clock {
  now = 0;
  #timers = new Map<number, { at: number; run: () => void }>();
  #next = 1;

  setTimeout = (run: () => void, ms: number): unknown => {
    const id = this.#next++;
    this.#timers.set(id, { at: this.now + ms, run });
    return id;
  };

  clearTimeout = (handle: unknown): void => {
    this.#timers.delete(handle as number);
  };

  advance(ms: number): void {
    this.now += ms;
    for (const [id, timer] of [...this.#timers].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at <= this.now) {
        this.#timers.delete(id);
        timer.run();
      }
    }
  }
}
