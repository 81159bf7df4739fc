import { describe, expect, it } from "vitest";
import { share } from "./share";

describe("structural sharing", () => {
  const previous = { title: "報告", sections: [{ heading: "はじめに", blocks: [{ type: "paragraph", text: "本文" }] }, { heading: "結果", blocks: [] }] };

  it("gives the previous value back when nothing changed", () => {
    expect(share(previous, structuredClone(previous))).toBe(previous);
  });

  it("keeps every unchanged part and makes new only the path to the change", () => {
    const next = structuredClone(previous);
    const block = next.sections[0]?.blocks[0];
    if (block) block.text = "本文です";
    const shared = share(previous, next);
    expect(shared).not.toBe(previous);
    expect(shared.sections[1]).toBe(previous.sections[1]);
    expect(shared.sections[0]).not.toBe(previous.sections[0]);
    expect(shared.sections[0]?.blocks[0]?.text).toBe("本文です");
    expect(shared).toEqual(next);
  });

  it("sees added, removed and re-ordered items and keys", () => {
    const longer = structuredClone(previous);
    longer.sections.push({ heading: "おわりに", blocks: [] });
    expect(share(previous, longer).sections).toHaveLength(3);
    expect(share(previous, longer).sections[0]).toBe(previous.sections[0]);
    const swapped = structuredClone(previous);
    swapped.sections.reverse();
    expect(share(previous, swapped).sections[0]).not.toBe(previous.sections[0]);
    const fewer: Record<string, unknown> = structuredClone(previous);
    delete fewer.title;
    expect(share<Record<string, unknown>>(previous, fewer)).not.toBe(previous);
    expect(share<unknown>({ a: null }, { a: 0 })).toEqual({ a: 0 });
  });

  it("changes neither value, also when the new one holds parts of older ones", () => {
    const deepFreeze = <T>(value: T): T => {
      if (typeof value === "object" && value !== null) Object.values(value).forEach(deepFreeze);
      return Object.freeze(value);
    };
    // Sections swapped: each new place holds the other's object, equal in most of its parts.
    const twin = { heading: "はじめに", blocks: [{ type: "paragraph", text: "本文" }] };
    const before = deepFreeze({ title: "報告", sections: [twin, { heading: "結果", blocks: twin.blocks }] });
    const after = deepFreeze({ title: "報告", sections: [before.sections[1], before.sections[0]] });
    const shared = share(before, after);
    expect(shared).toEqual(after);
    expect(shared.sections[0]?.blocks).toBe(before.sections[0]?.blocks);
    expect(after.sections[0]).toBe(before.sections[1]);
  });
});
