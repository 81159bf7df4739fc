// The journal's Word template, chosen in the export menu through the shell's own open
// dialog (answered by the debug build's test hook), kept with the report, used by the
// next exports without asking, followed by the preview; a refused file keeps the one
// before; "Rapporteur's own style" goes back. Each Word file is read by python-docx.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, useApp } from "./webdriver.mjs";

const PYTHON = join(ROOT, ".venv/bin/python");

let templates;

const { driver, session } = useApp({
  prepare(driver) {
    assert.ok(existsSync(PYTHON), "the test readers are not installed: run `make deps`");
    templates = join(driver.home, "templates");
    const made = spawnSync(PYTHON, [join(ROOT, "tests/templates/make_templates.py"), templates], { encoding: "utf8" });
    assert.equal(made.status, 0, made.stderr);
  },
  async ready(session) {
    await session.click(await session.find('[data-testid="report-row"]'));
    await session.find('[data-testid="report-title"]');
  },
});

const $ = (id) => session.find(`[data-testid="${id}"]`);

async function exists(selector) {
  return (await session.call("POST", "/elements", { using: "css selector", value: selector })).length > 0;
}

/** The template the export menu names. */
async function inUse() {
  return session.text(await $("word-template"));
}

/** Exports the report as Word from the menu, the save dialog answered with `name`; the
 * export notice. Goes on past the checks' question, if the report has findings. */
async function exportWord(name) {
  const path = join(driver.home, name);
  writeFileSync(session.dialogAnswer, path);
  await session.click(await $("export-docx"));
  await session.until(
    "the export",
    async () => {
      if (await exists('[data-testid="export-warning"][open]')) await session.click(await $("export-anyway"));
      return (await exists('[data-testid="export-done"]')) && !existsSync(session.dialogAnswer) && (await session.text(await $("export-done"))).includes(path);
    },
    20_000,
  );
  assert.equal(existsSync(session.dialogAnswer), false, "only the save dialog was shown");
  return { path, notice: await session.text(await $("export-done")) };
}

/** What python-docx reads of a Word file: the body's page and columns, styles' fonts. */
function readWord(path) {
  const script = `
import docx, json, sys
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
body = d.sections[-1]
cols = body._sectPr.find(qn("w:cols"))
def fonts(name):
    rpr = d.styles[name].element.rPr
    rfonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    return [rfonts.get(qn("w:ascii")), rfonts.get(qn("w:eastAsia"))] if rfonts is not None else None
print(json.dumps({
    "width_mm": round(body.page_width.mm),
    "columns": int(cols.get(qn("w:num"), "1")) if cols is not None else 1,
    "normal": fonts("Normal"),
    "text": "\\n".join(p.text for p in d.paragraphs),
}))`;
  const read = spawnSync(PYTHON, ["-c", script, path], { encoding: "utf8" });
  assert.equal(read.status, 0, read.stderr);
  return JSON.parse(read.stdout);
}

test("a template chosen in the export menu shapes the Word file and the preview", async () => {
  assert.match(await inUse(), /Rapporteur/);
  writeFileSync(session.dialogAnswer, join(templates, "b5-two-columns.dotx"));
  await session.click(await $("choose-word-template"));
  await session.until("the template named", async () => (await inUse()) === "b5-two-columns.dotx");

  // The preview follows its page (B5, two columns) and fonts.
  const style = await session.attribute(await $("preview-page"), "style");
  assert.match(style, /--page-width: 36\.40rem/);
  assert.match(style, /--columns: 2/);
  assert.match(style, /--body-font: "Times New Roman", "ＭＳ 明朝"/);
  await session.screenshot("word-template-preview");

  const first = await exportWord("b5.docx");
  assert.match(first.notice, /b5-two-columns\.dotx/);
  // Told once, in the notice: the styles the template lacks.
  assert.match(await session.text(await $("export-lacking")), /Affiliation、Author、Table Text/);
  const word = readWord(first.path);
  assert.equal(word.width_mm, 182);
  assert.equal(word.columns, 2);
  assert.deepEqual(word.normal, ["Times New Roman", "ＭＳ 明朝"]);
  assert.match(word.text, /課題10では、X\.1250rev/);
  await session.screenshot("word-template-exported");
});

test("the next export uses the kept template without asking", async () => {
  const again = await exportWord("b5-again.docx");
  assert.match(again.notice, /b5-two-columns\.dotx/);
  assert.equal(readWord(again.path).width_mm, 182);
});

test("a refused file says why and the report keeps its template", async () => {
  const notWord = join(driver.home, "notes.docx");
  writeFileSync(notWord, "a text file, not a Word document");
  writeFileSync(session.dialogAnswer, notWord);
  await session.click(await $("choose-word-template"));
  const alert = await session.until("the refusal", async () => (await exists('[data-testid="error"]')) && session.text(await $("error")));
  assert.match(alert, /notes\.docx は Word のテンプレートとして使えません/);
  assert.match(alert, /前のまま/);
  await session.screenshot("word-template-refused");
  assert.equal(await inUse(), "b5-two-columns.dotx");
  assert.equal(readWord((await exportWord("still-b5.docx")).path).width_mm, 182);
});

test("Rapporteur's own style goes back", async () => {
  await session.click(await $("use-own-style"));
  await session.until("own style named", async () => (await inUse()) === "Rapporteur の体裁");
  assert.ok(!(await session.attribute(await $("preview-page"), "style")), "the preview's own look");
  const own = await exportWord("own.docx");
  assert.doesNotMatch(own.notice, /テンプレート/);
  const word = readWord(own.path);
  assert.equal(word.width_mm, 210);
  assert.equal(word.columns, 1);
  // Kept in the database: the CLI sees the same choice.
  const shown = spawnSync(join(ROOT, "target/debug/rapporteur-cli"), ["--db", driver.db, "word-template", "show", "1"], { encoding: "utf8" });
  assert.equal(shown.stdout, "none: Rapporteur's own style, chosen for this report\n", shown.stderr);
});
