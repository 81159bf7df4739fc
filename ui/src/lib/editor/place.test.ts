import { describe, expect, it } from "vitest";
import { partAt } from "./place";

describe("the part of the editor a JSON path opens", () => {
  it("opens the innermost section of a path inside the sections", () => {
    expect(partAt("sections[2].sections[0].blocks[1].outcomes[0].title")).toEqual({ kind: "section", path: [2, 0] });
    expect(partAt("sections[10].heading")).toEqual({ kind: "section", path: [10] });
  });

  it("opens the title, the authors or the meeting for the rest", () => {
    expect(partAt("title")).toEqual({ kind: "title" });
    expect(partAt("authors[1].name")).toEqual({ kind: "authors" });
    expect(partAt("meeting.contributions.home_note")).toEqual({ kind: "meeting" });
  });
});
