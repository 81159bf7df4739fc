// The report the editor's unit tests start from: titled "t", Japanese, holding only the
// sections each test gives it.
import type { Report, Section } from "../../bindings";

export function testReport(sections: Section[]): Report {
  return {
    title: "t",
    language: "ja",
    style: { preset: "ja-katakana" },
    authors: [],
    meeting: { organization: "ITU-T", group: "SG17" },
    sections,
  };
}
