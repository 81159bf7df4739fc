import { describe, expect, it } from "vitest";
import type { SearchHit } from "../../bindings";
import { messages } from "../i18n";
import { carriedText, hitPlace, toFillText } from "./describe";

describe("a new report's summary", () => {
  it("names what was carried over, dates in the user's language", () => {
    const ja = messages.ja;
    expect(carriedText({ part: "title", from: "SG17第2回会合報告", to: "SG17第3回会合報告" }, ja, "ja")).toBe(
      "タイトル: SG17第3回会合報告（SG17第2回会合報告 から回次を進めた）",
    );
    expect(carriedText({ part: "questions", count: 12 }, ja, "ja")).toBe("課題 12（番号と対象）");
    expect(carriedText({ part: "working_parties", count: 1 }, messages.en, "en")).toBe("1 Working Party");
    const dates = carriedText({ part: "dates", row: "sections[3].blocks[3].rows[18]", start: "2026-06-02", end: "2026-06-11" }, messages.en, "en");
    expect(dates).toContain("2026");
    expect(dates).toContain("Jun");
  });

  it("names what needs filling", () => {
    expect(toFillText({ part: "outcomes", path: "sections[2].sections[0].blocks[0].outcomes", question: 10 }, messages.ja)).toBe("課題10の結果");
    expect(toFillText({ part: "schedule", path: "sections[3].blocks[0].rows", caption: null }, messages.en)).toBe("Rows of the schedule");
    expect(toFillText({ part: "section", path: "sections[4].blocks", heading: "おわりに" }, messages.ja)).toBe("「おわりに」の本文");
    expect(toFillText({ part: "temporary_documents", path: "meeting.temporary_documents" }, messages.ja)).toBe("臨時文書（TD）数");
  });
});

describe("a search result's place", () => {
  it("joins the section, the Question and the part", () => {
    const hit: SearchHit = {
      report: 1,
      report_title: "ITU-T SG17第2回会合報告",
      path: "sections[2].sections[0].blocks[2].scope",
      part: "question_scope",
      section: "3.1 WP1: デジタルID",
      question: 15,
      snippet: [{ text: "量子", hit: true }],
    };
    expect(hitPlace(hit, messages.ja)).toBe("3.1 WP1: デジタルID › 課題15 › 課題の対象");
    expect(hitPlace({ ...hit, section: null, question: null, part: "title" }, messages.en)).toBe("Title");
  });
});
