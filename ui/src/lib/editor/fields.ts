// Parsing and checking of field values, shared by the field components and the session.

/**
 * What every field of the editor takes besides its value: its label, its place in the
 * report file (`path`, where the checks' findings and a merge's conflicts show beside it),
 * whether the label is for assistive technology only (a table cell under its column
 * heading), its test id, and what to do when it loses the focus (the end of an undo step).
 * Field.svelte draws the first three as the frame of every field.
 */
export type FieldProps = {
  label: string;
  path?: string;
  hideLabel?: boolean;
  testid?: string;
  onblur?: () => void;
};

/** What a typed field makes of its text: a value, or the message shown beside it. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };
export type Parse<T> = (text: string) => ParseResult<T> | Promise<ParseResult<T>>;

export type CountError = "notNumber" | "notInteger" | "negative" | "tooLarge";
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: CountError };

/** Counts are stored as u32 by the backend. */
const MAX_COUNT = 4_294_967_295;

/** Full-width digits and signs, as an IME may type them, read as ASCII. */
function toHalfWidth(text: string): string {
  return text.replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/ー/g, "-");
}

/** A count field: empty means "not given" (null), never 0. */
export function parseCount(text: string): Parsed<number | null> {
  const trimmed = toHalfWidth(text).trim();
  if (trimmed === "") return { ok: true, value: null };
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return { ok: false, error: "notNumber" };
  const value = Number(trimmed);
  if (value < 0) return { ok: false, error: "negative" };
  if (!Number.isInteger(value)) return { ok: false, error: "notInteger" };
  if (value > MAX_COUNT) return { ok: false, error: "tooLarge" };
  return { ok: true, value };
}

/** How a stored count is shown in its field. */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}

/** An optional text field: an empty field leaves the value out. */
export function optionalText(text: string): string | null {
  return text.trim() === "" ? null : text;
}
