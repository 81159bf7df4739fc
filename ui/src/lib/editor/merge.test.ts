import { describe, expect, it } from "vitest";
import type { FieldChange, MergeChange } from "../../bindings";
import { madeBy } from "./merge";

const field = (before_path: string | null, after_path: string | null): FieldChange => ({
  before_path,
  after_path,
  before: [],
  after: [],
});

const changes: MergeChange[] = [
  { how: "edited", place: "the report", path: "title", field: "title", before: "A", after: "B", by: ["青木 花子"] },
  { how: "added", place: "Question 10, outcome 3", path: "sections[3].blocks[0].outcomes[2]", by: ["鈴木 一郎"] },
  {
    how: "edited",
    place: "Question 10, outcome 3",
    path: "sections[3].blocks[0].outcomes[2].title",
    field: "title",
    before: null,
    after: "T",
    by: ["Brown"],
  },
  { how: "removed", place: "schedule, row 4", path: "sections[5].blocks[1].rows[3]", by: ["Brown", "鈴木 一郎"] },
];

describe("madeBy", () => {
  it("names who edited the field itself", () => {
    expect(madeBy(changes, field("title", "title"))).toEqual(["青木 花子"]);
  });

  it("prefers the field's own change to the element's that holds it", () => {
    expect(madeBy(changes, field(null, "sections[3].blocks[0].outcomes[2].title"))).toEqual(["Brown"]);
    expect(madeBy(changes, field(null, "sections[3].blocks[0].outcomes[2].id"))).toEqual(["鈴木 一郎"]);
  });

  it("names who removed an element by the field's place before the merge", () => {
    expect(madeBy(changes, field("sections[5].blocks[1].rows[3].venue", null))).toEqual(["Brown", "鈴木 一郎"]);
  });

  it("does not take a sibling whose path only starts alike", () => {
    expect(madeBy(changes, field(null, "sections[3].blocks[0].outcomes[20].title"))).toEqual([]);
    expect(madeBy(changes, field(null, "titles"))).toEqual([]);
  });
});
