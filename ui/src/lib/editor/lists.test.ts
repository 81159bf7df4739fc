import { describe, expect, it } from "vitest";
import { insertItem, moveItem, nextCell, removeItem } from "./lists";

describe("list operations", () => {
  it("moves an item, and refuses a move out of range without changing the list", () => {
    const list = ["a", "b", "c"];
    expect(moveItem(list, 0, 2)).toBe(true);
    expect(list).toEqual(["b", "c", "a"]);
    expect(moveItem(list, 2, 1)).toBe(true);
    expect(list).toEqual(["b", "a", "c"]);
    expect(moveItem(list, 0, -1)).toBe(false);
    expect(moveItem(list, 2, 3)).toBe(false);
    expect(moveItem(list, 1, 1)).toBe(false);
    expect(list).toEqual(["b", "a", "c"]);
  });

  it("removes and inserts at a place, clamping an insertion to the list", () => {
    const list = ["課題1", "課題2"];
    expect(removeItem(list, 5)).toBe(false);
    expect(removeItem(list, 0)).toBe(true);
    expect(list).toEqual(["課題2"]);
    expect(insertItem(list, 0, "課題0")).toBe(0);
    expect(insertItem(list, 99, "課題9")).toBe(2);
    expect(list).toEqual(["課題0", "課題2", "課題9"]);
  });
});

describe("Tab across the cells of a table", () => {
  it("goes cell by cell, row after row, and back with Shift", () => {
    expect(nextCell(0, 0, 2, 3, false)).toEqual({ row: 0, column: 1 });
    expect(nextCell(0, 2, 2, 3, false)).toEqual({ row: 1, column: 0 });
    expect(nextCell(1, 0, 2, 3, true)).toEqual({ row: 0, column: 2 });
  });

  it("leaves the table before its first cell", () => {
    expect(nextCell(0, 0, 2, 3, true)).toEqual({ leave: true });
  });

  it("adds a row after the last cell, unless the last row is still empty", () => {
    expect(nextCell(1, 2, 2, 3, false)).toEqual({ addRow: true });
    expect(nextCell(1, 2, 2, 3, false, true)).toEqual({ leave: true });
    expect(nextCell(0, 2, 2, 3, false, true)).toEqual({ row: 1, column: 0 });
  });
});
