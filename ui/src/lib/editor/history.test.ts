import { describe, expect, it } from "vitest";
import { History } from "./history";

/** A history from `initial` with each change pushed in turn: the new state, the field it changed, when. */
function historyOf<T>(initial: T, changes: [T, string | null, number][]): History<T> {
  const h = new History(initial);
  for (const [next, key, now] of changes) h.push(next, key, now);
  return h;
}

describe("History", () => {
  it("undoes and redoes steps in order", () => {
    const h = historyOf("a", [["b", null, 0], ["c", null, 1]]);
    expect(h.undo()).toBe("b");
    expect(h.undo()).toBe("a");
    expect(h.undo()).toBeNull();
    expect(h.present).toBe("a");
    expect(h.redo()).toBe("b");
    expect(h.redo()).toBe("c");
    expect(h.redo()).toBeNull();
  });

  it("reports whether undo and redo are possible", () => {
    const h = new History(0);
    expect([h.canUndo, h.canRedo]).toEqual([false, false]);
    h.push(1);
    expect([h.canUndo, h.canRedo]).toEqual([true, false]);
    h.undo();
    expect([h.canUndo, h.canRedo]).toEqual([false, true]);
  });

  it("coalesces consecutive changes of one field into one step", () => {
    const h = historyOf("", [["k", "title", 0], ["ka", "title", 100], ["kai", "title", 200]]);
    expect(h.undo()).toBe("");
  });

  it("starts a new step for another field, after a pause, after undo or after seal", () => {
    const h = historyOf("", [["a", "title", 0], ["ab", "city", 10], ["abc", "city", 5000]]);
    expect(h.undo()).toBe("ab");
    expect(h.undo()).toBe("a");
    h.redo();
    h.push("ab!", "city", 5001);
    expect(h.undo()).toBe("ab");

    const sealed = new History(0);
    sealed.push(1, "x", 0);
    sealed.seal();
    sealed.push(2, "x", 1);
    expect(sealed.undo()).toBe(1);
  });

  it("never coalesces changes without a key", () => {
    const h = historyOf(0, [[1, null, 0], [2, null, 0]]);
    expect(h.undo()).toBe(1);
  });

  it("drops the redo branch on a new change", () => {
    const h = new History("a");
    h.push("b", null, 0);
    h.undo();
    h.push("c", null, 1);
    expect(h.canRedo).toBe(false);
    expect(h.undo()).toBe("a");
  });

  it("keeps at most `limit` undo steps, dropping the oldest", () => {
    const h = new History(0, { limit: 3 });
    for (let i = 1; i <= 10; i++) h.push(i, null, i);
    const undone: (number | null)[] = [];
    while (h.canUndo) undone.push(h.undo());
    expect(undone).toEqual([9, 8, 7]);
  });

  it("takes a stored copy of the present without a step, so undo of the next step comes back to it", () => {
    const h = new History({ v: "a" });
    h.push({ v: "b" }, "title", 0);
    const stored = { v: "b", uid: "1" };
    h.replacePresent(stored);
    h.push({ v: "merged" }, null, 5000);
    expect(h.undo()).toBe(stored);
    expect(h.undo()).toEqual({ v: "a" });
    expect(h.undo()).toBeNull();
  });
});
