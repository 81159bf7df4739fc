import { describe, expect, it } from "vitest";
import { placement, type Layout } from "./columns";

describe("a table's layout", () => {
  const layout: Layout = {
    lines: ["id title title title", "action process document gloss"],
    tracks: ["max-content", "max-content", "max-content", "1fr"],
  };

  it("places a cell on its line, over every track its key is repeated in", () => {
    expect(placement(layout, "id")).toEqual({ row: "1", column: "1 / 2" });
    expect(placement(layout, "title")).toEqual({ row: "1", column: "2 / 5" });
    expect(placement(layout, "gloss")).toEqual({ row: "2", column: "4 / 5" });
  });

  it("refuses a column the layout does not place", () => {
    expect(() => placement(layout, "note")).toThrow(/note/);
  });
});
