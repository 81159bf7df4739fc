// What a new report carried over and what it needs, and where a search result is, in
// the user's words. Pure, so it is tested without the app.

import type { Carried, SearchHit, ToFill } from "../../bindings";
import { formatDateRange, type Lang } from "../format";
import type { Messages } from "../i18n";

export function carriedText(carried: Carried, t: Messages, lang: Lang): string {
  const c = t.reuse.carried;
  switch (carried.part) {
    case "title":
      return c.title(carried.from, carried.to);
    case "authors":
      return c.authors(carried.count);
    case "group":
      return c.group(carried.organization, carried.group);
    case "sections":
      return c.sections(carried.count);
    case "working_parties":
      return c.workingParties(carried.count);
    case "questions":
      return c.questions(carried.count);
    case "boilerplate":
      return c.boilerplate(carried.count);
    case "dates":
      return c.dates(formatDateRange(carried.start, carried.end, lang));
    case "place":
      return c.place(carried.venue);
  }
}

export function toFillText(fill: ToFill, t: Messages): string {
  const f = t.reuse.toFill;
  switch (fill.part) {
    case "title":
      return f.title;
    case "ordinal":
      return f.ordinal;
    case "authors":
      return f.authors;
    case "dates":
      return f.dates;
    case "place":
      return f.place;
    case "mode":
      return f.mode;
    case "participants":
      return f.participants;
    case "contributions":
      return f.contributions;
    case "temporary_documents":
      return f.temporaryDocuments;
    case "outcomes":
      return f.outcomes(fill.question);
    case "schedule":
      return f.schedule(fill.caption);
    case "section":
      return f.section(fill.heading);
  }
}

/** Where a search result is: its section, its Question and the kind of part. */
export function hitPlace(hit: SearchHit, t: Messages): string {
  const parts: string[] = [];
  if (hit.section) parts.push(hit.section);
  if (hit.question !== null) parts.push(t.reuse.question(hit.question));
  parts.push(t.reuse.parts[hit.part]);
  return parts.join(" › ");
}
