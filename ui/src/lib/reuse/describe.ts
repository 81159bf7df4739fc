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
    case "group":
      return c.group(carried.organization, carried.group);
    case "dates":
      return c.dates(formatDateRange(carried.start, carried.end, lang));
    case "place":
      return c.place(carried.venue);
    default:
      // The parts carried as a number of them (authors, sections, Questions…), keyed by their part.
      return c[carried.part](carried.count);
  }
}

export function toFillText(fill: ToFill, t: Messages): string {
  const f = t.reuse.toFill;
  switch (fill.part) {
    case "outcomes":
      return f.outcomes(fill.question);
    case "schedule":
      return f.schedule(fill.caption);
    case "section":
      return f.section(fill.heading);
    default:
      // The title and the meeting's parts are named by their part alone (the table is keyed by it).
      return f[fill.part];
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
