// The list operations every editor shares (authors, blocks, bullet items, outcomes,
// schedule rows, sections). They change a draft in place: the session hands each edit a
// copy-on-write draft of the report, so the array is never one a component still shows.

/** Moves the item at `from` to `to`; false (nothing changed) when either is out of range. */
export function moveItem(list: unknown[], from: number, to: number): boolean {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return false;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item);
  return true;
}

/** Removes the item at `index`; false when there is none. */
export function removeItem(list: unknown[], index: number): boolean {
  if (index < 0 || index >= list.length) return false;
  list.splice(index, 1);
  return true;
}

/** Inserts `item` at `index` (clamped to the list), returning where it went. */
export function insertItem<T>(list: T[], index: number, item: T): number {
  const at = Math.max(0, Math.min(index, list.length));
  list.splice(at, 0, item);
  return at;
}

/** The cell a Tab (or Shift+Tab) leads to in a table of `rows` × `columns`, row by row. */
export type CellStep = { row: number; column: number } | { addRow: true } | { leave: true };

export function nextCell(row: number, column: number, rows: number, columns: number, backwards: boolean, lastRowEmpty = false): CellStep {
  const flat = row * columns + column + (backwards ? -1 : 1);
  if (flat < 0) return { leave: true };
  // Past the last cell a new row is started, as in a spreadsheet; from an empty last row
  // Tab leaves the table, so the keyboard is never trapped in it.
  if (flat >= rows * columns) return lastRowEmpty ? { leave: true } : { addRow: true };
  return { row: Math.floor(flat / columns), column: flat % columns };
}
