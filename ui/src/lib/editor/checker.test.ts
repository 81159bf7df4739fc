import { describe, expect, it } from "vitest";
import { Checker } from "./checker";
import { FakeClock } from "./fake-clock";

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A checker over strings whose check replies only when the test says so, in any order. */
function setup(delayMs: number) {
  const clock = new FakeClock();
  const calls: { value: string; reply: (result: string) => void }[] = [];
  const results: string[] = [];
  const checker = new Checker<string, string>("a", {
    check: (value) =>
      new Promise<string>((resolve) => {
        calls.push({ value, reply: resolve });
      }),
    onResult: (result) => results.push(result),
    delayMs,
    clock,
  });
  /** Types `value`, then lets `ms` pass. */
  const type = (value: string, ms: number) => {
    checker.change(value);
    clock.advance(ms);
  };
  /** Replies to the `n`th check and lets the reply arrive. */
  const answer = async (n: number, result: string) => {
    calls[n]?.reply(result);
    await settle();
  };
  return { clock, calls, results, checker, type, answer };
}

describe("Checker", () => {
  it("checks once, shortly after the last change", async () => {
    const { clock, calls, results, type, answer } = setup(400);
    type("ab", 300);
    type("abc", 399);
    expect(calls).toHaveLength(0);
    clock.advance(1);
    expect(calls.map((c) => c.value)).toEqual(["abc"]);
    await answer(0, "findings of abc");
    expect(results).toEqual(["findings of abc"]);
  });

  it("drops a reply to a value that has changed since, even when it comes last", async () => {
    const { calls, results, type, answer } = setup(100);
    type("old", 100);
    type("new", 100);
    expect(calls.map((c) => c.value)).toEqual(["old", "new"]);
    await answer(1, "findings of new");
    await answer(0, "findings of old");
    expect(results).toEqual(["findings of new"]);
  });

  it("drops a reply that arrives after a newer change is typed but not yet checked", async () => {
    const { results, checker, type, answer } = setup(100);
    type("old", 100);
    checker.change("newer");
    await answer(0, "findings of old");
    expect(results).toEqual([]);
  });

  it("checks nothing during an IME composition, and what waited when it ends", () => {
    const { clock, calls, checker } = setup(100);
    checker.change("でた");
    checker.hold();
    clock.advance(1000);
    expect(calls).toHaveLength(0);
    checker.release();
    expect(calls).toHaveLength(0);
    clock.advance(100);
    expect(calls.map((c) => c.value)).toEqual(["でた"]);
    // A composition with no change pending checks nothing when it ends.
    checker.hold();
    checker.release();
    clock.advance(1000);
    expect(calls).toHaveLength(1);
  });

  it("checks at once when asked (before an export), and delivers that result", async () => {
    const { clock, calls, results, checker } = setup(100);
    checker.change("b");
    checker.hold();
    const now = checker.now();
    expect(calls.map((c) => c.value)).toEqual(["b"]);
    calls[0]?.reply("findings of b");
    expect(await now).toBe("findings of b");
    expect(results).toEqual(["findings of b"]);
    clock.advance(1000);
    expect(calls).toHaveLength(1);
  });

  it("delivers nothing once disposed", async () => {
    const { clock, results, checker, type, answer } = setup(100);
    type("b", 100);
    checker.dispose();
    await answer(0, "late");
    checker.change("c");
    clock.advance(1000);
    expect(results).toEqual([]);
  });
});
