// The report's outline computed from the report itself, so it follows every edit at once.
// Headings are printed by Rust (crates/prose); this follows them without a round trip per
// keystroke, and the contract fixture tests/fixtures/contract/outline.json, written from
// prose and read by outline.test.ts, keeps the two the same.

import type { Report, Section } from "../../bindings";
import { insertItem, moveItem, removeItem } from "./lists";

/** Indices from the top: [2, 0] is `sections[2].sections[0]`, printed as 3.1. */
export type SectionPath = readonly number[];

/** What decides how headings are printed: the report's language and preset. */
export type HeadingStyle = Pick<Report, "language" | "style">;

export type OutlineItem = {
  path: SectionPath;
  number: number[];
  /** The number as printed (`1.`, `2.1`, `1．` in ja-kanji) and what follows it. */
  label: string;
  separator: string;
  heading: string;
};

const kanji = (style: HeadingStyle): boolean => style.language === "ja" && style.style.preset === "ja-kanji";

/** The heading a section prints: its own, or its Working Party's when it has none. */
export function sectionHeading(section: Section, style: HeadingStyle): string {
  if (section.heading) return section.heading;
  const wp = section.working_party;
  if (!wp) return "";
  return `WP${wp.number}${kanji(style) ? "：" : ": "}${wp.title}`;
}

/** A section's number as printed, and what stands between it and the heading. */
export function headingNumber(number: readonly number[], style: HeadingStyle): { label: string; separator: string } {
  const top = number.length === 1;
  if (kanji(style)) return top ? { label: `${number[0]}．`, separator: "" } : { label: number.join("."), separator: "\u3000" };
  return { label: top ? `${number[0]}.` : number.join("."), separator: " " };
}

export function outline(report: Report): OutlineItem[] {
  const items: OutlineItem[] = [];
  const walk = (sections: readonly Section[], parent: number[]): void => {
    sections.forEach((section, index) => {
      const path = [...parent, index];
      const number = path.map((i) => i + 1);
      items.push({ path, number, ...headingNumber(number, report), heading: sectionHeading(section, report) });
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

/** The list a section at `path` belongs to (its parent's subsections, or the top level). */
export function siblingsOf(report: Report, path: SectionPath): Section[] | null {
  if (path.length === 0) return null;
  if (path.length === 1) return report.sections;
  const parent = sectionAt(report, path.slice(0, -1));
  if (!parent) return null;
  parent.sections ??= [];
  return parent.sections;
}

export type OutlineMove = "up" | "down" | "in" | "out";

/**
 * Moves the section at `path` in a draft: up or down among its siblings, in (the last
 * subsection of the section above it) or out (the section after its parent). Returns its
 * new path, or null when it cannot go that way.
 */
export function moveSection(report: Report, path: SectionPath, move: OutlineMove): SectionPath | null {
  const siblings = siblingsOf(report, path);
  const index = path.at(-1);
  if (!siblings || index === undefined || !siblings[index]) return null;
  const parent = path.slice(0, -1);
  switch (move) {
    case "up":
    case "down": {
      const to = index + (move === "up" ? -1 : 1);
      return moveItem(siblings, index, to) ? [...parent, to] : null;
    }
    case "in": {
      const above = siblings[index - 1];
      if (!above) return null;
      const [section] = siblings.splice(index, 1) as [Section];
      above.sections = [...(above.sections ?? []), section];
      return [...parent, index - 1, above.sections.length - 1];
    }
    case "out": {
      if (parent.length === 0) return null;
      const outer = siblingsOf(report, parent);
      const parentIndex = parent.at(-1);
      if (!outer || parentIndex === undefined) return null;
      const [section] = siblings.splice(index, 1) as [Section];
      outer.splice(parentIndex + 1, 0, section);
      return [...parent.slice(0, -1), parentIndex + 1];
    }
  }
}

/**
 * Moves the section at `from` to just before the section at `before` (dragging it onto
 * that entry), or to the end of the top level when `before` is null. A section never goes
 * inside itself. Returns its new path, or null when nothing moved.
 */
export function dropSection(report: Report, from: SectionPath, before: SectionPath | null): SectionPath | null {
  if (before && isWithin(before, from)) return null;
  const siblings = siblingsOf(report, from);
  const index = from.at(-1);
  if (!siblings || index === undefined || !siblings[index]) return null;
  const [section] = siblings.splice(index, 1) as [Section];
  // Removing `from` shifts a later sibling of it (or of one of `before`'s ancestors) up by one.
  const target = before ? shiftAfterRemoval(before, from) : null;
  const list = target ? siblingsOf(report, target) : report.sections;
  const at = target ? (target.at(-1) ?? 0) : report.sections.length;
  if (!list) {
    siblings.splice(index, 0, section);
    return null;
  }
  list.splice(at, 0, section);
  return target ? [...target.slice(0, -1), at] : [at];
}

/** Whether `path` is `ancestor` or inside it. */
export function isWithin(path: SectionPath, ancestor: SectionPath): boolean {
  return ancestor.length <= path.length && ancestor.every((v, i) => v === path[i]);
}

function shiftAfterRemoval(path: SectionPath, removed: SectionPath): SectionPath {
  const depth = removed.length - 1;
  const shifted = [...path];
  const removedIndex = removed[depth] ?? 0;
  if (path.length > depth && samePath(path.slice(0, depth), removed.slice(0, depth)) && (path[depth] ?? 0) > removedIndex) {
    shifted[depth] = (path[depth] ?? 0) - 1;
  }
  return shifted;
}

/** Adds an empty section after `after` (as its sibling), or at the end of `parent`'s subsections. */
export function addSection(report: Report, place: { after: SectionPath } | { inside: SectionPath | null }): SectionPath | null {
  const section: Section = { heading: "", blocks: [] };
  if ("after" in place) {
    const siblings = siblingsOf(report, place.after);
    const index = place.after.at(-1);
    if (!siblings || index === undefined) return null;
    const at = insertItem(siblings, index + 1, section);
    return [...place.after.slice(0, -1), at];
  }
  if (place.inside === null) {
    report.sections.push(section);
    return [report.sections.length - 1];
  }
  const parent = sectionAt(report, place.inside);
  if (!parent) return null;
  parent.sections = [...(parent.sections ?? []), section];
  return [...place.inside, parent.sections.length - 1];
}

/** Removes the section at `path` with its subsections; returns whether it was there. */
export function removeSection(report: Report, path: SectionPath): boolean {
  const siblings = siblingsOf(report, path);
  const index = path.at(-1);
  return siblings !== null && index !== undefined && removeItem(siblings, index);
}

/** The number a new Working Party gets: one more than the highest in the report. */
export function nextWorkingPartyNumber(report: Report): number {
  let highest = 0;
  const walk = (sections: readonly Section[]): void => {
    for (const section of sections) {
      highest = Math.max(highest, section.working_party?.number ?? 0);
      walk(section.sections ?? []);
    }
  };
  walk(report.sections);
  return highest + 1;
}
