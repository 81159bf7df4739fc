import { describe, expect, it } from "vitest";
import { FakeClock } from "./fake-clock";
import { Autosaver, Debouncer, Follower, type SaveOutcome, type SaveStatus } from "./scheduler";

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("Debouncer", () => {
  it("runs once, after the last schedule", () => {
    const clock = new FakeClock();
    let runs = 0;
    const d = new Debouncer(() => runs++, 300, clock);
    d.schedule();
    clock.advance(200);
    d.schedule();
    clock.advance(200);
    expect(runs).toBe(0);
    clock.advance(100);
    expect(runs).toBe(1);
    expect(d.pending).toBe(false);
  });

  it("flushes a pending run at once, and cancels", () => {
    const clock = new FakeClock();
    let runs = 0;
    const d = new Debouncer(() => runs++, 300, clock);
    expect(d.flush()).toBe(false);
    d.schedule();
    expect(d.flush()).toBe(true);
    expect(runs).toBe(1);
    d.schedule();
    d.cancel();
    clock.advance(1000);
    expect(runs).toBe(1);
  });
});

describe("Follower", () => {
  it("runs after the current task, one run at a time, and once more for what changed meanwhile", async () => {
    const clock = new FakeClock();
    const finish: (() => void)[] = [];
    let runs = 0;
    const f = new Follower(() => {
      runs++;
      return new Promise<void>((resolve) => finish.push(resolve));
    }, clock);
    f.schedule();
    f.schedule();
    expect(runs).toBe(0);
    clock.advance(0);
    expect(runs).toBe(1);
    // Three changes during the run: one run after it, not three.
    f.schedule();
    f.schedule();
    f.schedule();
    clock.advance(0);
    expect(runs).toBe(1);
    finish.shift()?.();
    await settle();
    clock.advance(0);
    expect(runs).toBe(2);
    finish.shift()?.();
    await settle();
    clock.advance(0);
    expect(runs).toBe(2);
  });

  it("runs no more once cancelled", async () => {
    const clock = new FakeClock();
    let runs = 0;
    const f = new Follower(() => {
      runs++;
      return Promise.resolve();
    }, clock);
    f.schedule();
    f.cancel();
    clock.advance(0);
    await settle();
    expect(runs).toBe(0);
  });
});

function setup(outcome: () => SaveOutcome = () => ({ ok: true })) {
  const clock = new FakeClock();
  const saved: string[] = [];
  const statuses: SaveStatus["state"][] = [];
  const resolvers: (() => void)[] = [];
  let manual = false;
  const saver = new Autosaver<string>({
    clock,
    delayMs: 500,
    onStatus: (s) => statuses.push(s.state),
    save: (value) => {
      saved.push(value);
      if (!manual) return Promise.resolve(outcome());
      return new Promise((resolve) => resolvers.push(() => { resolve(outcome()); }));
    },
  });
  return { clock, saved, statuses, saver, resolvers, manualSaves: () => (manual = true) };
}

describe("Autosaver", () => {
  it("saves the latest value 500 ms after the last change", async () => {
    const { clock, saved, saver, statuses } = setup();
    saver.change("a");
    clock.advance(300);
    saver.change("ab");
    clock.advance(499);
    expect(saved).toEqual([]);
    clock.advance(1);
    await settle();
    expect(saved).toEqual(["ab"]);
    expect(statuses.at(-1)).toBe("saved");
    expect(saver.dirty).toBe(false);
  });

  it("does not save while held, and saves on release", async () => {
    const { clock, saved, saver } = setup();
    saver.change("a");
    saver.hold();
    clock.advance(5000);
    await settle();
    expect(saved).toEqual([]);
    saver.release();
    clock.advance(500);
    await settle();
    expect(saved).toEqual(["a"]);
  });

  it("saves a change made during a save right after it, one save at a time", async () => {
    const { clock, saved, saver, resolvers, manualSaves } = setup();
    manualSaves();
    saver.change("a");
    clock.advance(500);
    saver.change("ab");
    clock.advance(500);
    expect(saved).toEqual(["a"]);
    resolvers.shift()?.();
    await settle();
    expect(saved).toEqual(["a", "ab"]);
  });

  it("flushes a pending change at once", async () => {
    const { saved, saver } = setup();
    saver.change("a");
    await saver.flush();
    expect(saved).toEqual(["a"]);
    await saver.flush();
    expect(saved).toEqual(["a"]);
  });

  it("reports a refused save and keeps the value for the next try", async () => {
    let ok = false;
    const { clock, saved, saver, statuses } = setup(() => (ok ? { ok: true } : { ok: false, message: "refused" }));
    saver.change("a");
    clock.advance(500);
    await settle();
    expect(statuses.at(-1)).toBe("failed");
    expect(saver.dirty).toBe(true);
    ok = true;
    await saver.flush();
    expect(saved).toEqual(["a", "a"]);
    expect(statuses.at(-1)).toBe("saved");
  });
});
