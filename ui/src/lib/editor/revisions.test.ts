import { describe, expect, it } from "vitest";
import type { Change, ChangePlace, HistoryEntry } from "../../bindings";
import { messages } from "../i18n";
import { describeChange, describeEntry, fieldRows, shownText } from "./revisions";
import { testReport } from "./testReport";

const { ja, en } = messages;
const nowhere: ChangePlace = { section: null, question: null };
const change = (part: Change["part"], how: Change["how"], count: number, place = nowhere): Change => ({
  part,
  how,
  count,
  place,
});

describe("what changed, in the user's words", () => {
  it("names a Question's outcomes added by the Question, with their count", () => {
    const added = change("outcomes", "added", 2, { section: "3.1 WP2：セキュリティ", question: 10 });
    expect(describeChange(added, ja)).toBe("課題10 の結果を 2 件追加");
    expect(describeChange(added, en)).toBe("Question 10: 2 outcomes added");
  });

  it("says a fact changed and a text edited, and names a section by its printed heading", () => {
    expect(describeChange(change("dates", "edited", 1), ja)).toBe("会期を変更");
    expect(describeChange(change("dates", "edited", 1), en)).toBe("Dates changed");
    const text = change("paragraphs", "edited", 1, { section: "3.2　WP2：セキュリティ", question: null });
    expect(describeChange(text, ja)).toBe("3.2　WP2：セキュリティ の本文を編集");
    expect(describeChange(text, en)).toBe("3.2　WP2：セキュリティ: text edited");
  });

  it("names a section or a Question added or removed as a whole", () => {
    const section = change("section", "added", 1, { section: "5. おわりに", question: null });
    expect(describeChange(section, ja)).toBe("5. おわりに を追加");
    const question = change("question", "removed", 1, { section: "3.1 WP1", question: 4 });
    expect(describeChange(question, ja)).toBe("課題4 を削除");
    expect(describeChange(question, en)).toBe("Question 4 removed");
    expect(describeChange(change("report", "added", 1), ja)).toBe("報告書を作成");
  });

  it("labels an entry by its first changes and counts the rest", () => {
    const entry: HistoryEntry = {
      first: 2,
      last: 9,
      saves: 8,
      began: "opened",
      started_at: "2026-11-30T10:00:00Z",
      ended_at: "2026-11-30T10:20:00Z",
      title: "t",
      author: null,
      changes: [
        change("title", "edited", 1),
        change("dates", "edited", 1),
        change("venue", "edited", 1),
        change("counts", "edited", 1),
        change("mode", "edited", 1),
      ],
    };
    expect(describeEntry(entry, ja)).toBe("表題を変更、会期を変更、開催地を変更 ほか 2 件");
    expect(describeEntry({ ...entry, changes: entry.changes.slice(0, 2) }, en)).toBe("Title changed, Dates changed");
    expect(describeEntry({ ...entry, changes: [] }, ja)).toBe("変更なし");
  });

  it("names a changed field where the checks panel would, in the report that has it", () => {
    const report = testReport([]);
    const removed = { before_path: "meeting.start", after_path: null, before: [], after: [] };
    const added = { before_path: null, after_path: "title", before: [], after: [] };
    expect(fieldRows([removed, added], report, report, ja)).toEqual([
      { group: ja.editor.outlineParts.meeting, name: ja.editor.meeting.start, field: removed },
      { group: ja.editor.outlineParts.title, name: ja.editor.title.title, field: added },
    ]);
  });

  it("shows a choice in the user's words and other text as it is", () => {
    expect(shownText("sections[2].blocks[0].outcomes[3].action", "approved", ja)).toBe("承認");
    expect(shownText("meeting.mode", "in_person", en)).toBe(en.modes.in_person);
    expect(shownText("title", "approved", ja)).toBe("approved");
    expect(shownText(null, "x", ja)).toBe("x");
  });
});
