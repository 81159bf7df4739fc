// Debounced autosave with an injectable clock, so its timing can be unit-tested.

export type Clock = {
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
};

export const realClock: Clock = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => {
    globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>);
  },
};

/** Runs `run` once, `delayMs` after the last `schedule()`. */
export class Debouncer {
  #handle: unknown = null;

  constructor(
    private readonly run: () => void,
    private readonly delayMs: number,
    private readonly clock: Clock = realClock,
  ) {}

  get pending(): boolean {
    return this.#handle !== null;
  }

  schedule(): void {
    this.cancel();
    this.#handle = this.clock.setTimeout(() => {
      this.#handle = null;
      this.run();
    }, this.delayMs);
  }

  cancel(): void {
    if (this.#handle === null) return;
    this.clock.clearTimeout(this.#handle);
    this.#handle = null;
  }

  /** Runs now if a run is pending; returns whether it ran. */
  flush(): boolean {
    if (this.#handle === null) return false;
    this.cancel();
    this.run();
    return true;
  }
}

/**
 * Runs the asynchronous `run` as soon as the current task is over after `schedule()`, one
 * run at a time: schedules made while it runs make one more run when it ends. What follows
 * every change (the preview) is then as fresh as the machine can make it, without a queue
 * of stale runs behind a slow one.
 */
export class Follower {
  #running = false;
  #again = false;
  readonly #soon: Debouncer;

  constructor(
    private readonly run: () => Promise<void>,
    clock: Clock = realClock,
  ) {
    this.#soon = new Debouncer(() => void this.#start(), 0, clock);
  }

  schedule(): void {
    if (this.#running) this.#again = true;
    else this.#soon.schedule();
  }

  cancel(): void {
    this.#soon.cancel();
    this.#again = false;
  }

  async #start(): Promise<void> {
    this.#running = true;
    try {
      await this.run();
    } finally {
      this.#running = false;
      if (this.#again) {
        this.#again = false;
        this.#soon.schedule();
      }
    }
  }
}

export type SaveOutcome = { ok: true } | { ok: false; message: string };
export type SaveStatus =
  | { state: "saved" }
  | { state: "pending" }
  | { state: "saving" }
  | { state: "failed"; message: string };

export type AutosaverOptions<T> = {
  save: (value: T) => Promise<SaveOutcome>;
  onStatus: (status: SaveStatus) => void;
  delayMs?: number;
  clock?: Clock;
};

/**
 * Saves the latest value `delayMs` after the last change, one save at a time: a change
 * made while a save is in flight is saved right after it. While held (an IME composition
 * is in progress) nothing is saved; `release()` saves what waited.
 */
export class Autosaver<T> {
  #latest: { value: T } | null = null;
  #inFlight: Promise<void> | null = null;
  #held = false;
  readonly #debouncer: Debouncer;
  readonly #save: (value: T) => Promise<SaveOutcome>;
  readonly #onStatus: (status: SaveStatus) => void;

  constructor({ save, onStatus, delayMs = 500, clock = realClock }: AutosaverOptions<T>) {
    this.#save = save;
    this.#onStatus = onStatus;
    this.#debouncer = new Debouncer(() => void this.#run(), delayMs, clock);
  }

  get dirty(): boolean {
    return this.#latest !== null;
  }

  change(value: T): void {
    this.#latest = { value };
    this.#onStatus({ state: "pending" });
    this.#debouncer.schedule();
  }

  hold(): void {
    this.#held = true;
  }

  release(): void {
    this.#held = false;
    if (this.#latest !== null && !this.#debouncer.pending) this.#debouncer.schedule();
  }

  /** Saves a pending change now (ignoring a hold) and resolves when nothing is in flight. */
  async flush(): Promise<void> {
    this.#debouncer.cancel();
    await this.#settled();
    if (this.#latest !== null) await this.#run(true);
    await this.#settled();
  }

  /** Resolves when no save is in flight, including saves chained after one another. */
  async #settled(): Promise<void> {
    let inFlight = this.#inFlight;
    while (inFlight) {
      await inFlight;
      inFlight = this.#inFlight;
    }
  }

  async #run(force = false): Promise<void> {
    if (this.#held && !force) return;
    // A change made during a save is saved when that save ends (see below).
    if (this.#inFlight) return;
    const next = this.#latest;
    if (next === null) return;
    this.#latest = null;
    this.#onStatus({ state: "saving" });
    const failed = (message: string): void => {
      // Kept so that a flush or the next change tries again; nothing typed is dropped.
      this.#latest ??= next;
      this.#onStatus({ state: "failed", message });
    };
    this.#inFlight = this.#save(next.value).then(
      (outcome) => {
        this.#inFlight = null;
        if (this.#latest !== null) void this.#run();
        else if (outcome.ok) this.#onStatus({ state: "saved" });
        else failed(outcome.message);
      },
      (error: unknown) => {
        this.#inFlight = null;
        failed(error instanceof Error ? error.message : String(error));
      },
    );
    await this.#inFlight;
  }
}
