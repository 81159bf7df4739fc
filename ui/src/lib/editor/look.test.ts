import { describe, expect, it } from "vitest";
import type { TemplateLook, TextLook } from "../../bindings";
import { fontFamily, lookStyle } from "./look";

const none: TextLook = { latin: null, east_asian: null, size_pt: null, bold: null };

function look(overrides: Partial<TemplateLook>): TemplateLook {
  return {
    page: null,
    body: none,
    title: none,
    headings: [none, none, none],
    caption: none,
    author: none,
    affiliation: none,
    table: none,
    ...overrides,
  };
}

describe("the preview's look from a Word template", () => {
  it("is Rapporteur's own when there is no template or it says nothing", () => {
    expect(lookStyle(null)).toBe("");
    expect(lookStyle(look({}))).toBe("");
  });

  it("scales the page as the preview scales A4, columns included", () => {
    const b5 = lookStyle(
      look({ page: { width_mm: 182, margin_left_mm: 18, margin_right_mm: 18, columns: 2, column_gap_mm: 8 } }),
    );
    expect(b5).toBe("--page-width: 36.40rem; --margin-left: 3.60rem; --margin-right: 3.60rem; --columns: 2; --column-gap: 1.60rem");
  });

  it("gives each style its fonts, with this machine's of the same kind after them, and its size", () => {
    const style = lookStyle(
      look({
        body: { latin: "Century", east_asian: "游明朝", size_pt: 10.5, bold: null },
        headings: [{ latin: "Arial", east_asian: "游ゴシック", size_pt: 14, bold: true }, none, none],
      }),
    );
    expect(style).toContain('--body-font: "Century", "游明朝", "Noto Serif CJK JP"');
    expect(style).toContain("--body-size: 12.00px");
    expect(style).toContain('--heading-1-font: "Arial", "游ゴシック", "Noto Sans CJK JP"');
    expect(style).toContain("--heading-1-size: 16.00px; --heading-1-weight: 700");
    expect(style).not.toContain("--heading-2");
  });

  it("keeps a hostile font name inside its quotes", () => {
    expect(fontFamily({ ...none, latin: 'A";\ncolor: red' })).toBe('"A;color: red", "Noto Serif CJK JP", "Hiragino Mincho ProN", "Yu Mincho", serif');
  });
});
