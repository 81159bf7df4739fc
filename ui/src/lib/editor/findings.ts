// The checks' findings as the editor shows them: which outline part holds a finding's
// path, where it is in the user's words, and the findings grouped and counted by severity.
// Paths are the file format's JSON paths, as the checks name them:
// `meeting.participants.on_site`, `authors[1].name`, `sections[2].sections[0].blocks[1].text`.

import { SEVERITIES, type Author, type Block, type Finding, type Report, type Section, type Severity } from "../../bindings";
import type { Messages } from "../i18n";
import { blockTitle } from "./blocks";
import { headingNumber, sectionHeading } from "./outline";
import type { Part } from "./session.svelte";

/** One step of a path: a field name or an array index. */
export type Step = { field: string } | { index: number };

export function parsePath(path: string): Step[] {
  const steps: Step[] = [];
  for (const part of path.split(".")) {
    const [name = "", ...indexes] = part.split("[");
    if (name !== "") steps.push({ field: name });
    for (const index of indexes) steps.push({ index: Number.parseInt(index, 10) });
  }
  return steps;
}

/** The outline part whose editor holds `path`: the innermost section for section content. */
export function partOf(path: string): Part {
  const steps = parsePath(path);
  const first = steps[0];
  if (!first || !("field" in first)) return { kind: "title" };
  if (first.field === "authors") return { kind: "authors" };
  if (first.field === "meeting") return { kind: "meeting" };
  if (first.field !== "sections") return { kind: "title" };
  const sections: number[] = [];
  for (let i = 0; i + 1 < steps.length; i += 2) {
    const field = steps[i];
    const index = steps[i + 1];
    if (!field || !("field" in field) || field.field !== "sections" || !index || !("index" in index)) break;
    sections.push(index.index);
  }
  return { kind: "section", path: sections };
}

/** A key naming an outline part, the same for equal parts. */
export function partKey(part: Part): string {
  return part.kind === "section" ? `section:${part.path.join(".")}` : part.kind;
}

/** `path` and the paths that contain it, the innermost first: where a field may stand for it. */
export function enclosingPaths(path: string): string[] {
  const paths = [path];
  let rest = path;
  for (;;) {
    const cut = Math.max(rest.lastIndexOf("."), rest.lastIndexOf("["));
    if (cut <= 0) return paths;
    rest = rest.slice(0, cut);
    paths.push(rest);
  }
}

/** The findings of one severity, in the order given, for each severity that has any. */
export function groupBySeverity(findings: readonly Finding[]): { severity: Severity; findings: Finding[] }[] {
  return SEVERITIES.map((severity) => ({ severity, findings: findings.filter((f) => f.severity === severity) })).filter(
    (group) => group.findings.length > 0,
  );
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, hint: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** The most serious severity among `findings`, or null when there are none. */
export function worstSeverity(findings: readonly Finding[]): Severity | null {
  return SEVERITIES.find((severity) => findings.some((f) => f.severity === severity)) ?? null;
}

/** What a field without findings is given: always the same, so it is not redrawn. */
export const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/** The findings by their field's path. */
export function findingsByPath(findings: readonly Finding[]): Map<string, Finding[]> {
  const byPath = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byPath.get(finding.path);
    if (list) list.push(finding);
    else byPath.set(finding.path, [finding]);
  }
  return byPath;
}

/** The findings by the outline part that holds them (keyed by `partKey`). */
export function findingsByPart(findings: readonly Finding[]): Map<string, Finding[]> {
  const byPart = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = partKey(partOf(finding.path));
    byPart.set(key, [...(byPart.get(key) ?? []), finding]);
  }
  return byPart;
}

/** An author's fields, as the report file and the editor's words name them. */
const AUTHOR_FIELDS = ["name", "reading", "organization", "department", "position"] as const satisfies readonly (keyof Author)[];

const field = (step: Step | undefined): string | null => (step && "field" in step ? step.field : null);
const index = (step: Step | undefined): number | null => (step && "index" in step ? step.index : null);

/**
 * Where `path` is, in the user's words, from the outline part down:
 * ["Meeting", "Participants", "On site"], ["3.1 Question 10", "Question 10", "Outcome 2 (X.1234)", "Number"].
 * Names it does not know are given as they are, so nothing is hidden.
 */
export function placeOf(path: string, report: Report, t: Messages): string[] {
  const steps = parsePath(path);
  const e = t.editor;
  const top = field(steps[0]);
  if (top === "authors") {
    const n = index(steps[1]);
    const key = field(steps[2]);
    const author = n === null ? [] : [e.authors.author(n + 1)];
    // An author's fields are labelled in the editor's words under their own names.
    const known = AUTHOR_FIELDS.find((f) => f === key);
    return [e.outlineParts.authors, ...author, ...(key ? [known ? e.authors[known] : key] : [])];
  }
  if (top === "meeting") {
    const m = e.meeting;
    const labels: Record<string, string> = {
      organization: m.organization,
      group: m.groupName,
      group_topic: m.groupTopic,
      ordinal: m.ordinal,
      start: m.start,
      end: m.end,
      city: m.city,
      country: m.country,
      site: m.site,
      mode: m.mode,
      home_country: m.homeCountry,
      participants: m.participants,
      contributions: m.contributions,
      temporary_documents: m.temporaryDocuments,
    };
    const inner: Record<string, string> = {
      total: m.total,
      on_site: m.onSite,
      remote: m.remote,
      home: m.home,
      delegations: m.delegations,
      home_note: m.homeNote,
    };
    const names = steps.slice(1).map(field);
    return [e.outlineParts.meeting, ...names.map((name, i) => (name === null ? "" : ((i === 0 ? labels : inner)[name] ?? name)))];
  }
  if (top === "sections") return sectionPlace(steps, report, t);
  const labels: Record<string, string> = { title: e.title.title, language: e.title.language, preset: e.title.preset };
  const name = field(steps.at(-1));
  return [e.outlineParts.title, ...(name && labels[name] ? [labels[name]] : [])];

  function sectionPlace(steps: Step[], report: Report, t: Messages): string[] {
    let sections: readonly Section[] = report.sections;
    let section: Section | null = null;
    const numbers: number[] = [];
    let i = 0;
    while (field(steps[i]) === "sections") {
      const n = index(steps[i + 1]);
      const next = n === null ? undefined : sections[n];
      if (n === null || !next) break;
      section = next;
      numbers.push(n + 1);
      sections = next.sections ?? [];
      i += 2;
    }
    if (!section) return [path];
    const heading = sectionHeading(section, report) || t.untitled;
    const { label, separator } = headingNumber(numbers, report);
    const place = [`${label}${separator}${heading}`];
    const q = e.question;
    const wp: Record<string, string> = { number: e.section.wpNumber, title: e.section.wpTitle, intro: e.section.wpIntro };
    // The labels of the fields inside the object the path is in, as its editor shows them.
    let labels: Record<string, string> = { heading: e.section.heading };
    let block: Block | null = null;
    for (; i < steps.length; i += 1) {
      const name = field(steps[i]);
      const n = index(steps[i + 1]);
      if (name === "blocks" && n !== null) {
        block = section.blocks[n] ?? null;
        place.push(block ? blockTitle(section.blocks, n, t) : `${name}[${n}]`);
        labels = { scope: q.scope, discussed: q.discussed, note: q.note, text: q.text, caption: e.schedule.caption };
        i += 1;
      } else if (name === "working_party") {
        labels = wp;
      } else if (name === "items" && n !== null) {
        place.push(e.bullets.item(n + 1));
        i += 1;
      } else if (name === "outcomes" && n !== null) {
        const outcome = block?.type === "question" ? block.outcomes[n] : undefined;
        place.push(t.checks.outcome(n + 1, outcome?.id ?? null));
        labels = q.columns;
        i += 1;
      } else if (name === "rows" && n !== null) {
        place.push(e.schedule.table.row(n + 1));
        labels = e.schedule.columns;
        i += 1;
      } else if (name === "text" && block?.type === "paragraph") {
        // The paragraph itself: its name says it.
      } else if (name !== null) {
        place.push(labels[name] ?? name);
      }
    }
    return place;
  }
}
