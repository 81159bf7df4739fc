// The one description of an editable table's columns (a Question's outcomes, a schedule's
// rows): what each cell edits and how, and where it sits in the row's lines.
// EditableTable renders the heading, the cells and their keyboard from it.

/** A choice of a select cell. */
export type Option<V extends string = string> = { value: V; label: string };

type Common<T> = {
  /** The row's field the cell edits; also its test id (`cell-outcome-title`) and path. */
  key: keyof T & string;
  /** The column heading, and the cell's label for assistive technology. */
  label: string;
};

export type Column<T> = Common<T> &
  (
    | {
        kind: "text";
        /** One line of text shown wrapped onto as many lines as it needs (the cell grows with it). */
        wrap?: boolean;
        /** Text of several lines (Enter breaks the line); the cell grows with it. */
        multiline?: boolean;
        /** An empty cell leaves the field out (null) rather than storing "". */
        optional?: boolean;
        lang?: string;
      }
    | {
        kind: "select";
        options: readonly Option[];
        /** The label of an empty choice; without it a value is required. */
        unset?: string;
      }
    | {
        kind: "date";
        /** A month alone is a date here. */
        months?: boolean;
        /** A range may be typed in this cell: its end goes to this field. */
        rangeEnd?: keyof T & string;
        /** The meeting's start: a date typed without its year takes the nearest one. */
        near?: string | null;
      }
    /** A cell the table's owner renders itself (the outcome id with its suggestions). */
    | { kind: "custom" }
  );

/**
 * Where the cells sit: `lines` are the row's lines of column keys, a key repeated to span
 * tracks (CSS grid areas); `tracks` size the grid's columns, one per word of a line. The
 * tracks are shared by every row (a subgrid), so a column is as wide as its content needs
 * (`max-content`), and the text columns take what is left.
 */
export type Layout = { lines: readonly string[]; tracks: readonly string[] };

/**
 * An editable table's own description, the same for every table of its kind: its columns
 * and where they sit, its test ids, and its rows' empty and new states.
 */
export type Table<T> = {
  columns: readonly Column<T>[];
  layout: Layout;
  /**
   * The list's test id; each row's, which its add and remove buttons' take with `-add` and
   * `-remove`; and each cell's, which is this, a dash and its column's key.
   */
  testids: { table: string; row: string; cell: string };
  /** A row with nothing in it: Tab from an empty last row leaves the table. */
  isEmpty: (item: T) => boolean;
  newItem: () => T;
};

/** A table's words, in the UI's language. */
export type TableWords = {
  /** The add button. */
  add: string;
  /** What stands in place of no rows. */
  empty: string;
  /** The name of row `n`, counting from one. */
  row: (n: number) => string;
  /** The label of column `column`'s cell in row `n`, counting from one. */
  cell: (column: string, n: number) => string;
};

/** What a cell sets in its row: its field (and a range's end), a text or null for none. */
export type CellValues = Readonly<Record<string, string | null>>;

/** Where a column's cell sits in a row's grid: CSS `grid-row` and `grid-column` values. */
export type Placement = { row: string; column: string };

/** The placement of `key` in `layout`: its first line, from its first to its last track there. */
export function placement(layout: Layout, key: string): Placement {
  for (const [line, words] of layout.lines.map((l) => l.split(/\s+/)).entries()) {
    const first = words.indexOf(key);
    if (first === -1) continue;
    const last = words.lastIndexOf(key);
    return { row: String(line + 1), column: `${first + 1} / ${last + 2}` };
  }
  throw new Error(`column ${key} is not in the table's layout`);
}

/** How a select is drawn: its font, and the padding and border around its label. */
export type SelectStyle = Pick<CSSStyleDeclaration, "font" | "paddingLeft" | "paddingRight" | "borderLeftWidth" | "borderRightWidth">;

let canvas: CanvasRenderingContext2D | null = null;

/** The width of `text` in `font`, in CSS pixels. */
function textWidth(text: string, font: string): number {
  canvas ??= document.createElement("canvas").getContext("2d");
  if (!canvas) return 0;
  canvas.font = font;
  return canvas.measureText(text).width;
}

/**
 * The grid's column tracks: `layout.tracks`, with `max-content` replaced by the width of
 * the widest choice of the selects that sit in that track alone (so every row has the
 * same columns without laying out every row to find them); until the selects' style is
 * known, `max-content` stays.
 */
export function trackSizes<T>(layout: Layout, columns: readonly Column<T>[], style: SelectStyle | null): string[] {
  if (style === null) return [...layout.tracks];
  const chrome = [style.paddingLeft, style.paddingRight, style.borderLeftWidth, style.borderRightWidth].reduce((sum, v) => sum + (parseFloat(v) || 0), 0);
  const widths = layout.tracks.map(() => 0);
  for (const column of columns) {
    if (column.kind !== "select") continue;
    const span = placement(layout, column.key).column.split(" / ").map(Number);
    const [from, to] = [span[0] ?? 1, span[1] ?? 2];
    if (to - from !== 1) continue;
    const labels = [...column.options.map((o) => o.label), column.unset ?? ""];
    const width = Math.ceil(Math.max(...labels.map((label) => textWidth(label, style.font))) + chrome) + 1;
    widths[from - 1] = Math.max(widths[from - 1] ?? 0, width);
  }
  return layout.tracks.map((track, i) => track.replace("max-content", `${widths[i] ?? 0}px`));
}
