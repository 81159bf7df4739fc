import { describe, expect, it } from "vitest";
import type { Finding, Report } from "../../bindings";
import { messages } from "../i18n";
import {
  countBySeverity,
  enclosingPaths,
  findingsByPart,
  findingsByPath,
  groupBySeverity,
  parsePath,
  partKey,
  partOf,
  placeOf,
  worstSeverity,
} from "./findings";

const report: Report = {
  title: "ITU-T SG17第2回会合報告",
  language: "ja",
  style: { preset: "ja-katakana" },
  authors: [{ name: "山田太郎" }, { name: "" }],
  meeting: { organization: "ITU-T", group: "SG17" },
  sections: [
    { heading: "はじめに", blocks: [{ type: "summary" }, { type: "paragraph", text: "本文" }] },
    {
      heading: "結果",
      blocks: [],
      sections: [
        {
          working_party: { number: 1, title: "デジタルID" },
          blocks: [
            { type: "paragraph", text: "WP1" },
            {
              type: "question",
              number: 10,
              outcomes: [
                { id: "X.1250rev", title: "Baseline capabilities", action: "consented" },
                { title: "A document", action: "agreed" },
              ],
            },
            { type: "bullets", items: ["a", "b"] },
          ],
        },
      ],
    },
    { heading: "今後の予定", blocks: [{ type: "schedule", rows: [{ meeting: "SG17" }] }] },
  ],
};

const finding = (severity: Finding["severity"], path: string): Finding => ({ severity, code: "c", path, message: path });

describe("paths", () => {
  it("splits a JSON path into fields and indexes", () => {
    expect(parsePath("sections[2].sections[0].blocks[1].outcomes[0].id")).toEqual([
      { field: "sections" },
      { index: 2 },
      { field: "sections" },
      { index: 0 },
      { field: "blocks" },
      { index: 1 },
      { field: "outcomes" },
      { index: 0 },
      { field: "id" },
    ]);
    expect(parsePath("meeting.participants.on_site")).toEqual([
      { field: "meeting" },
      { field: "participants" },
      { field: "on_site" },
    ]);
  });

  it("names the outline part that holds a path: the innermost section for section content", () => {
    expect(partOf("title")).toEqual({ kind: "title" });
    expect(partOf("style.preset")).toEqual({ kind: "title" });
    expect(partOf("authors[1].name")).toEqual({ kind: "authors" });
    expect(partOf("meeting.participants.on_site")).toEqual({ kind: "meeting" });
    expect(partOf("sections[2]")).toEqual({ kind: "section", path: [2] });
    expect(partOf("sections[1].sections[0].blocks[1].outcomes[0].id")).toEqual({ kind: "section", path: [1, 0] });
    expect(partOf("sections[1].sections[0]")).toEqual({ kind: "section", path: [1, 0] });
  });

  it("gives the paths around a path, innermost first, for the nearest field there is", () => {
    expect(enclosingPaths("sections[1].blocks[2].outcomes[0].id")).toEqual([
      "sections[1].blocks[2].outcomes[0].id",
      "sections[1].blocks[2].outcomes[0]",
      "sections[1].blocks[2].outcomes",
      "sections[1].blocks[2]",
      "sections[1].blocks",
      "sections[1]",
      "sections",
    ]);
    expect(enclosingPaths("title")).toEqual(["title"]);
  });
});

describe("placeOf", () => {
  const ja = messages.ja;
  const en = messages.en;
  const place = (path: string, t = ja) => placeOf(path, report, t).join(" › ");

  it("says where a meeting fact is in the words of the editor", () => {
    expect(place("meeting.participants.on_site")).toBe("会合の概要 › 参加者 › 現地参加");
    expect(place("meeting.participants.on_site", en)).toBe("Meeting › Participants › On site");
    expect(place("meeting.contributions.home", en)).toBe("Meeting › Contributions › From the home country");
    expect(place("meeting.end", en)).toBe("Meeting › End");
  });

  it("names the title part and an author by its number", () => {
    expect(place("title", en)).toBe("Title and language › Title");
    expect(place("authors[1].name", en)).toBe("Authors › Author 2 › Name");
    expect(place("authors[0].reading")).toBe("報告者 › 報告者 1 › よみがな");
    // A field the editor has no words for (the words' other keys are not fields) is named as it is.
    expect(place("authors[0].add", en)).toBe("Authors › Author 1 › add");
  });

  it("names a section by its number and heading, and what is inside it", () => {
    // Named as the editor names the block: the first paragraph, after the summary.
    expect(place("sections[0].blocks[1].text")).toBe("1. はじめに › 段落 1");
    expect(place("sections[1].sections[0].blocks[1].outcomes[0].id", en)).toBe(
      "2.1 WP1: デジタルID › Question 10 › Outcome 1 (X.1250rev) › Id",
    );
    expect(place("sections[1].sections[0].blocks[1].outcomes[1].title", en)).toBe(
      "2.1 WP1: デジタルID › Question 10 › Outcome 2 › English title",
    );
    expect(place("sections[1].sections[0].blocks[2].items[1]", en)).toBe("2.1 WP1: デジタルID › Bullet list 1 › Item 2");
    expect(place("sections[1].sections[0].working_party.title", en)).toBe("2.1 WP1: デジタルID › WP title");
    expect(place("sections[2].blocks[0].rows[0].start")).toBe("3. 今後の予定 › 会合予定表 1 › 1行目 › 開始");
    expect(place("sections[1]", en)).toBe("2. 結果");
    expect(place("sections[0].heading", en)).toBe("1. はじめに › Heading");
  });

  it("gives a path it cannot place as it is, rather than nothing", () => {
    expect(place("sections[9].heading")).toBe("sections[9].heading");
  });
});

describe("grouping and counting", () => {
  const findings = [
    finding("warning", "sections[1].sections[0].blocks[1].outcomes[0].title"),
    finding("error", "meeting.participants.total"),
    finding("hint", "sections[1].sections[0].blocks[1]"),
    finding("error", "sections[0].blocks[1].text"),
  ];

  it("groups by severity, errors first, keeping the document order inside a group", () => {
    const groups = groupBySeverity(findings);
    expect(groups.map((g) => [g.severity, g.findings.map((f) => f.path)])).toEqual([
      ["error", ["meeting.participants.total", "sections[0].blocks[1].text"]],
      ["warning", ["sections[1].sections[0].blocks[1].outcomes[0].title"]],
      ["hint", ["sections[1].sections[0].blocks[1]"]],
    ]);
    expect(groupBySeverity(findings.filter((f) => f.severity !== "warning")).map((g) => g.severity)).toEqual([
      "error",
      "hint",
    ]);
    expect(groupBySeverity([])).toEqual([]);
  });

  it("counts each severity, zero included", () => {
    expect(countBySeverity(findings)).toEqual({ error: 2, warning: 1, hint: 1 });
    expect(countBySeverity([])).toEqual({ error: 0, warning: 0, hint: 0 });
  });

  it("puts each finding on the outline part that holds it, field or not", () => {
    const byPart = findingsByPart(findings);
    expect([...byPart.keys()].sort()).toEqual(["meeting", "section:0", "section:1.0"]);
    const wp = byPart.get(partKey({ kind: "section", path: [1, 0] })) ?? [];
    expect(wp).toHaveLength(2);
    expect(worstSeverity(wp)).toBe("warning");
    expect(worstSeverity(byPart.get("meeting") ?? [])).toBe("error");
    expect(worstSeverity([])).toBeNull();
  });

  it("indexes the findings by their field's path, in their order", () => {
    const byPath = findingsByPath(findings);
    expect([...byPath.values()].flat()).toHaveLength(findings.length);
    for (const [path, found] of byPath) expect(found).toEqual(findings.filter((f) => f.path === path));
  });
});
