// The part of the editor that shows a place named by a JSON path of the file format,
// so a search result or a "needs filling" item opens the report there.

import type { Part } from "./session.svelte";

export function partAt(path: string): Part {
  if (path.startsWith("authors")) return { kind: "authors" };
  if (path.startsWith("meeting")) return { kind: "meeting" };
  const sections: number[] = [];
  const pattern = /^\.?sections\[(\d+)\]/;
  let rest = path;
  for (let match = pattern.exec(rest); match; match = pattern.exec(rest)) {
    sections.push(Number(match[1]));
    rest = rest.slice(match[0].length);
  }
  return sections.length > 0 ? { kind: "section", path: sections } : { kind: "title" };
}
