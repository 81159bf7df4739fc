import { describe, expect, it } from "vitest";
import type { Meeting } from "../bindings";
import { meetingFacts } from "./facts";
import { messages } from "./i18n";

const sg17: Meeting = {
  organization: "ITU-T",
  group: "SG17",
  group_topic: "セキュリティ",
  ordinal: 2,
  start: "2025-12-03",
  end: "2025-12-11",
  city: "ジュネーブ",
  country: "スイス",
  site: "ITU本部",
  mode: "hybrid",
  home_country: "日本",
  participants: { total: 408, on_site: 224, remote: 184, home: 28, delegations: 54 },
  contributions: { total: 221, home: 9, home_note: "カナダと共同提出の寄書1件を含む" },
  temporary_documents: 627,
};

const asRecord = (facts: ReturnType<typeof meetingFacts>) => Object.fromEntries(facts.map((f) => [f.key, f.value]));

describe("meetingFacts", () => {
  it("lists every fact of a complete meeting in Japanese", () => {
    const facts = meetingFacts(sg17, messages.ja, "ja");
    expect(facts.map((f) => f.label)).toEqual([
      "会合", "回次", "会期", "開催地", "開催形態", "参加者", "寄書", "臨時文書（TD）",
    ]);
    expect(asRecord(facts)).toEqual({
      group: "ITU-T SG17（セキュリティ）",
      ordinal: "第2回",
      dates: "2025年12月3日(水)～11日(木)",
      place: "スイス・ジュネーブ（ITU本部）",
      mode: "ハイブリッド",
      participants: "総数 408名、現地 224名、リモート 184名、日本から 28名、代表団数 54",
      contributions: "総数 221件、日本から 9件（カナダと共同提出の寄書1件を含む）",
      temporaryDocuments: "627件",
    });
  });

  it("uses English labels and formats", () => {
    const facts = asRecord(meetingFacts(sg17, messages.en, "en"));
    expect(facts.ordinal).toBe("2nd meeting");
    expect(facts.dates).toBe("Wed 3 Dec 2025 – Thu 11 Dec 2025");
    expect(facts.place).toBe("ITU本部, ジュネーブ, スイス");
    expect(facts.mode).toBe("Hybrid");
  });

  it("skips missing facts", () => {
    const facts = meetingFacts(
      { organization: "ITU-T", group: "SG13", participants: { remote: 12 }, contributions: {} },
      messages.ja,
      "ja",
    );
    expect(asRecord(facts)).toEqual({ group: "ITU-T SG13", participants: "リモート 12名" });
  });

  it("keeps a contributions note without a count", () => {
    const facts = meetingFacts(
      { organization: "ITU-T", group: "SG17", contributions: { home_note: "共同提出あり" }, temporary_documents: 0 },
      messages.ja,
      "ja",
    );
    expect(asRecord(facts)).toEqual({ group: "ITU-T SG17", contributions: "共同提出あり", temporaryDocuments: "0件" });
  });
});
