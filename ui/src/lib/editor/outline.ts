// The report's outline computed from the report itself, so it follows every edit at once.

import type { Preset, Report, Section } from "../../bindings";

/** Indices from the top: [2, 0] is `sections[2].sections[0]`, printed as 3.1. */
export type SectionPath = readonly number[];

export type OutlineItem = { path: SectionPath; number: number[]; heading: string };

/** The heading a Working Party section gets when it has none of its own. */
export function sectionHeading(section: Section, preset: Preset): string {
  if (section.heading) return section.heading;
  const wp = section.working_party;
  if (!wp) return "";
  return `WP${wp.number}${preset === "ja-kanji" ? "：" : ": "}${wp.title}`;
}

export function outline(report: Report): OutlineItem[] {
  const items: OutlineItem[] = [];
  const walk = (sections: readonly Section[], parent: number[]): void => {
    sections.forEach((section, index) => {
      const path = [...parent, index];
      items.push({ path, number: path.map((i) => i + 1), heading: sectionHeading(section, report.style.preset) });
      walk(section.sections ?? [], path);
    });
  };
  walk(report.sections, []);
  return items;
}

/** The section at `path`, or null when an undo has taken it away. */
export function sectionAt(report: Report, path: SectionPath): Section | null {
  let sections: readonly Section[] = report.sections;
  let found: Section | null = null;
  for (const index of path) {
    const section = sections[index];
    if (!section) return null;
    found = section;
    sections = section.sections ?? [];
  }
  return found;
}

export function samePath(a: SectionPath, b: SectionPath): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
