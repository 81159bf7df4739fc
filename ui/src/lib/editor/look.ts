// The preview's look from the journal's Word template (read in Rust: `TemplateLook`), as
// CSS custom properties on the preview's page; what the template does not say keeps the
// preview's own look (Rapporteur's style). Millimetres and points are scaled as the page
// is: 210 mm of A4 fill 42rem, and 10.5 pt of body text is 12px.

import type { TemplateLook, TextLook } from "../../bindings";

const REM_PER_MM = 42 / 210;
const PX_PER_PT = 12 / 10.5;

const SERIF = '"Noto Serif CJK JP", "Hiragino Mincho ProN", "Yu Mincho", serif';
const SANS = '"Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", sans-serif';

/** Whether a font named by the template is a sans-serif (Gothic) face, for the fallback
 * when it is not installed here: journals' fonts (MS Mincho, 游ゴシック) often are not. */
function isSans(font: string): boolean {
  return /ゴシック|gothic|sans|arial|helvetica|calibri|meiryo|メイリオ|segoe|verdana|tahoma/i.test(font);
}

function quoted(font: string): string {
  // Quotes, backslashes and control characters (a line break ends a CSS string) go.
  return `"${font.replace(/["\\\p{Cc}]/gu, "")}"`;
}

/** The CSS `font-family` for a style: its Latin face, then its Japanese one, then
 * those of this machine of the same kind. */
export function fontFamily(text: TextLook): string | null {
  const faces = [text.latin, text.east_asian].filter((face): face is string => face !== null && face !== "");
  if (faces.length === 0) return null;
  const sans = isSans(text.east_asian ?? text.latin ?? "");
  return [...faces.map(quoted), sans ? SANS : SERIF].join(", ");
}

/** The custom properties for `look`, as a `style` attribute; "" for Rapporteur's own. */
export function lookStyle(look: TemplateLook | null | undefined): string {
  if (!look) return "";
  const properties: [string, string | null][] = [];
  const page = look.page;
  if (page) {
    const mm = (value: number | null) => (value === null ? null : `${(value * REM_PER_MM).toFixed(2)}rem`);
    properties.push(["--page-width", mm(page.width_mm)]);
    properties.push(["--margin-left", mm(page.margin_left_mm)]);
    properties.push(["--margin-right", mm(page.margin_right_mm)]);
    // One column is no multi-column layout at all: WebKit lays out a multi-column page
    // whole for any change in it (docs/performance.md).
    properties.push(["--columns", page.columns > 1 ? String(page.columns) : null]);
    properties.push(["--column-gap", mm(page.column_gap_mm)]);
  }
  const text = (name: string, style: TextLook) => {
    properties.push([`--${name}-font`, fontFamily(style)]);
    properties.push([`--${name}-size`, style.size_pt === null ? null : `${(style.size_pt * PX_PER_PT).toFixed(2)}px`]);
    properties.push([`--${name}-weight`, style.bold === null ? null : style.bold ? "700" : "400"]);
  };
  text("body", look.body);
  text("title", look.title);
  look.headings.slice(0, 3).forEach((heading, i) => {
    text(`heading-${i + 1}`, heading);
  });
  text("caption", look.caption);
  text("author", look.author);
  text("affiliation", look.affiliation);
  text("table", look.table);
  return properties
    .filter((property): property is [string, string] => property[1] !== null)
    .map(([name, value]) => `${name}: ${value}`)
    .join("; ");
}
