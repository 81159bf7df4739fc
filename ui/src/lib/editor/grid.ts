// Keyboard use of an editable table (outcomes, schedule rows), as in a spreadsheet: Tab
// and Shift+Tab go cell by cell across rows, Tab past the last cell starts a new row,
// Alt+ArrowUp/Down move the row, Alt+Delete removes it. Cells are the elements with
// `data-row` and `data-column`; the control inside is what gets the focus.

import { tick } from "svelte";
import { nextCell } from "./lists";

export type GridActions = {
  rows: number;
  columns: number;
  /** Whether the row has nothing typed in it: Tab out of an empty last row leaves the table. */
  isEmpty: (row: number) => boolean;
  addRow: () => void;
  moveRow: (from: number, to: number) => void;
  removeRow: (row: number) => void;
};

function cellOf(target: EventTarget | null): { row: number; column: number } | null {
  const cell = target instanceof Element ? target.closest<HTMLElement>("[data-row][data-column]") : null;
  if (!cell) return null;
  return { row: Number(cell.dataset.row), column: Number(cell.dataset.column) };
}

/** Focuses the control of a cell once the table shows the report's latest state. */
export async function focusCell(table: HTMLElement, row: number, column: number): Promise<void> {
  await tick();
  const cell = table.querySelector(`[data-row="${row}"][data-column="${column}"]`);
  cell?.querySelector<HTMLElement>("input, select, textarea")?.focus();
}

export function gridKeydown(event: KeyboardEvent & { currentTarget: HTMLElement }, grid: GridActions): void {
  // During an IME composition the keys belong to the IME.
  if (event.isComposing) return;
  const at = cellOf(event.target);
  if (!at) return;
  const table = event.currentTarget;
  if (event.key === "Tab" && !event.ctrlKey && !event.altKey && !event.metaKey) {
    const step = nextCell(at.row, at.column, grid.rows, grid.columns, event.shiftKey, grid.isEmpty(grid.rows - 1));
    if ("leave" in step) return;
    event.preventDefault();
    if ("addRow" in step) {
      grid.addRow();
      void focusCell(table, grid.rows, 0);
    } else {
      void focusCell(table, step.row, step.column);
    }
  } else if (event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
    const to = at.row + (event.key === "ArrowUp" ? -1 : 1);
    if (to < 0 || to >= grid.rows) return;
    event.preventDefault();
    grid.moveRow(at.row, to);
    void focusCell(table, to, at.column);
  } else if (event.altKey && event.key === "Delete") {
    event.preventDefault();
    grid.removeRow(at.row);
    if (grid.rows > 1) void focusCell(table, Math.min(at.row, grid.rows - 2), at.column);
  }
}
