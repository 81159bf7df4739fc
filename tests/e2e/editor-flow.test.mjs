// The editor's whole flow, as the issue states it: a new report, its meeting facts, a
// Working Party section with a Question whose two outcomes are typed into the table
// (Tab across the cells), the generated sentence in the preview as the prose crate
// writes it, undo and redo, the window closed right after typing and the app started
// again, and the sentence in the exported Word file. Also the outline's keyboard moves,
// and screenshots of every editor.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { editing } from "./editing.mjs";
import { CLI, ROOT, useApp, withoutUids } from "./webdriver.mjs";

const TAB = "\uE004";
const ALT = "\uE00A";
const UP = "\uE013";
const DELETE = "\uE017";
const RELEASE = "\uE000";
const CTRL = "\uE009";

const TITLE = "ITU-T SG17第4回会合報告";
const X1250 = "Baseline capabilities for enhanced identity management and interoperability";
const X1280 = "Framework for out-of-band mutual authentication using mobile devices";
// crates/prose, ja-katakana: approved (TAP) and determined share one sentence, the first
// clause in its continuative form; a title in brackets is followed by a space.
const SENTENCE = `課題10では、X.1250rev (${X1250}) がTAP投票を経て合意され、X.1280rev (${X1280}) がデターミネーションされた。`;
const WP_SENTENCE = "WP1は、ID管理とテレバイオメトリクスを検討する課題10から構成されている。";

const { driver, session } = useApp({
  async ready() {
    await $("report-row");
  },
});
let reportId;

const { $, fill, waitSaved, previewText, scrollTo, outlineEntry: entry, newReport, active } = editing(() => session);
const byPath = (path, tag = "input") => session.find(`[data-path="${path}"] ${tag}`);
const Q = "sections[1].sections[0].blocks[0]";

/** The data-path of the field around the focused control. */
async function activePath() {
  return session.executeAsync(`const done = arguments[0]; done(document.activeElement?.closest("[data-path]")?.dataset.path ?? null);`);
}

/** Chooses a value in a select by script (WebKit's driver does not open native popups). */
async function choose(path, value) {
  await session.executeAsync(
    `const [path, value, done] = arguments; const el = document.querySelector('[data-path="' + path + '"] select');
     el.value = value; el.dispatchEvent(new Event("change", { bubbles: true })); done(null);`,
    [path, value],
  );
}

const flat = (text) => text.replace(/\s/g, "");
async function previewIncludes(text) {
  return session.until(`"${text}" in the preview`, async () => flat(await previewText()).includes(flat(text)));
}

async function stored() {
  return (await session.invoke("open_report", { id: reportId })).ok.report;
}

test("a Working Party with a Question and two outcomes typed into the table reads as the prose crate writes it", async () => {
  await newReport(TITLE, { group: "SG17", ordinal: "4", start: "2026-09-01", end: "2026-09-10", city: "ジュネーブ", country: "スイス" });

  await session.click(await $("add-section"));
  await fill("field-section-heading", "会合の主な審議内容と結果");
  await session.click(await $("add-subsection"));
  await session.click(await $("field-working-party"));
  await fill("field-wp-title", "デジタルID");
  await session.click(await $("add-question"));
  await fill("field-question-number", "10");
  await fill("field-question-scope", "ID管理とテレバイオメトリクス");

  // The first outcome, typed cell by cell with Tab.
  await scrollTo('[data-testid="outcome-add"]');
  await session.click(await $("outcome-add"));
  assert.equal(await activePath(), `${Q}.outcomes[0].id`);
  await session.type(await active(), `X.1250rev${TAB}`);
  assert.equal(await activePath(), `${Q}.outcomes[0].title`);
  await session.type(await active(), `${X1250}${TAB}`);
  assert.equal(await activePath(), `${Q}.outcomes[0].action`);
  await choose(`${Q}.outcomes[0].process`, "TAP");
  await choose(`${Q}.outcomes[0].document`, "recommendation");
  await session.click(await byPath(`${Q}.outcomes[0].gloss`, "textarea"));
  // Tab out of the last cell of the last row starts the next outcome.
  await session.type(await active(), TAB);
  await session.until("a second row", async () => (await activePath()) === `${Q}.outcomes[1].id`);
  await session.type(await active(), `X.1280rev${TAB}${X1280}`);
  await choose(`${Q}.outcomes[1].action`, "determined");
  await choose(`${Q}.outcomes[1].document`, "recommendation");

  await waitSaved();
  await previewIncludes(SENTENCE);
  await previewIncludes(WP_SENTENCE);
  await previewIncludes("2.1WP1:デジタルID");

  reportId = (await session.invoke("list_reports", {})).ok.find((r) => r.title === TITLE).id;
  const question = (await stored()).sections[1].sections[0].blocks[0];
  assert.equal(question.type, "question");
  assert.equal(question.number, 10);
  assert.deepEqual(withoutUids(question.outcomes), [
    { id: "X.1250rev", title: X1250, action: "approved", process: "TAP", document: "recommendation" },
    { id: "X.1280rev", title: X1280, action: "determined", document: "recommendation" },
  ]);

  // The same report through the command line's text export: the prose crate's own words.
  const text = spawnSync(CLI, ["--db", driver.db, "export", String(reportId), "--format", "text"], { encoding: "utf8" });
  assert.equal(text.status, 0, text.stderr);
  assert.ok(flat(text.stdout).includes(flat(SENTENCE)), text.stdout);
  await session.screenshot("editor-question-typed");
});

test("undo takes the last choices back and redo brings them again, each saved", async () => {
  const second = async () => (await stored()).sections[1].sections[0].blocks[0].outcomes[1];
  // The last two steps: the document kind, then the action, of the second outcome.
  await session.click(await $("undo"));
  await waitSaved();
  assert.equal((await second()).document ?? null, null);
  await session.click(await $("undo"));
  await session.until("undo", async () => !flat(await previewText()).includes("がデターミネーションされた"));
  await waitSaved();
  assert.equal((await second()).action, "approved");
  await session.click(await $("redo"));
  await session.click(await $("redo"));
  await previewIncludes(SENTENCE);
  await waitSaved();
  assert.deepEqual(withoutUids(await second()), { id: "X.1280rev", title: X1280, action: "determined", document: "recommendation" });
});

test("a bullet list and a schedule table are added, filled and moved", async () => {
  await scrollTo('[data-testid="add-bullets"]');
  await session.click(await $("add-bullets"));
  await session.type(await active(), "SG17の次回会合に向けた準備");
  await session.type(await active(), "\uE007"); // Enter: the next item
  await session.type(await active(), "課題の再編の検討");
  await scrollTo('[data-testid="add-schedule"]');
  await session.click(await $("add-schedule"));
  await fill("field-schedule-caption", "今後の会合予定");
  await session.click(await byPath(`sections[1].sections[0].blocks[2].rows[0].meeting`, "textarea"));
  await session.type(await active(), `SG17会合${TAB}2027-01${TAB}${TAB}ジュネーブ${TAB}WP1～4会合`);
  await waitSaved();
  await previewIncludes("●課題の再編の検討");
  await previewIncludes("■表1. 今後の会合予定");
  const blocks = (await stored()).sections[1].sections[0].blocks;
  assert.deepEqual(withoutUids(blocks[1]), { type: "bullets", items: ["SG17の次回会合に向けた準備", "課題の再編の検討"] });
  assert.deepEqual(withoutUids(blocks[2].rows), [{ meeting: "SG17会合", start: "2027-01", venue: "ジュネーブ", content: "WP1～4会合" }]);
  await session.screenshot("editor-schedule-typed");

  // The schedule goes above the list, by its button.
  await scrollTo('[data-testid="block-up"][data-index="2"]');
  await session.click(await session.find('[data-testid="block-up"][data-index="2"]'));
  await waitSaved();
  assert.deepEqual((await stored()).sections[1].sections[0].blocks.map((b) => b.type), ["question", "schedule", "bullets"]);
});

test("the outline moves, removes and brings back sections by keyboard", async () => {
  await session.click(await $("outline-title"));
  await session.click(await $("add-section"));
  await fill("field-section-heading", "おわりに");
  const entries = async () => Promise.all((await session.findAll('[data-testid="outline-entry"]')).map((e) => session.text(e)));
  await session.until("the new section", async () => (await entries()).some((t) => t.includes("おわりに")));
  const last = (await session.findAll('[data-testid="outline-entry"]')).at(-1);
  await session.click(last);
  await session.type(last, `${ALT}${UP}${RELEASE}`);
  await session.until("moved up", async () => flat((await entries())[1]).startsWith("2.おわりに"));
  assert.match(await session.text(await $("notice")), /おわりに.*2\./);
  // The focus followed the section: the same keys move it again.
  await session.type(await active(), `${ALT}${UP}${RELEASE}`);
  await session.until("moved to the top", async () => flat((await entries())[0]).startsWith("1.おわりに"));
  await waitSaved();
  await session.screenshot("editor-outline-moved");

  await session.type(await active(), DELETE);
  await session.until("removed", async () => !(await entries()).some((t) => t.includes("おわりに")));
  assert.match(await session.text(await $("notice")), /元に戻す/);
  await session.click(await $("undo"));
  await session.until("back again", async () => (await entries()).some((t) => t.includes("おわりに")));
  await waitSaved();
  assert.deepEqual(
    (await stored()).sections.map((s) => s.heading),
    ["おわりに", "はじめに", "会合の主な審議内容と結果"],
  );
});

test("quitting right after typing keeps the last keystrokes", async () => {
  await session.click(await entry("WP1"));
  await fill("field-question-note", "");
  await waitSaved();
  // Ctrl+Q in the same keystrokes as the text, well before the autosave's half second:
  // only the close request's flush can save it, and the app exits when its window has
  // gone. (WebDriver's own "close window" is no test of this: it tears the page down
  // without a close request.)
  // The app may exit before WebDriver answers the keystrokes' command; what counts is
  // what reached the database, read below.
  await session
    .type(await byPath(`sections[2].sections[0].blocks[0].note`, "textarea"), `詳細は次回会合で審議される。${CTRL}q${RELEASE}`)
    .catch(() => {});
  const note = () => {
    const out = spawnSync(CLI, ["--db", driver.db, "export", String(reportId), "--format", "json"], { encoding: "utf8" });
    return out.status === 0 && out.stdout.includes("詳細は次回会合で審議される。");
  };
  await session.until("the note in the database", async () => note(), 5000);
  await session.restart();
  const rows = await session.findAll('[data-testid="report-row"]');
  const texts = await Promise.all(rows.map((r) => session.text(r)));
  await session.click(rows[texts.findIndex((t) => t.includes(TITLE))]);
  await previewIncludes(SENTENCE);
  await previewIncludes("詳細は次回会合で審議される。");
  assert.equal((await stored()).sections[2].sections[0].blocks[0].note, "詳細は次回会合で審議される。");
});

test("the exported Word file has the generated sentence", async () => {
  const path = await session.chooseFile("export", join(driver.home, "第4回.docx"));
  assert.deepEqual(await session.invoke("export_report", { id: reportId, format: "docx", path }), { ok: { template: null, own_styles: [] } });
  const python = join(ROOT, ".venv/bin/python");
  assert.ok(existsSync(python), "the test readers are not installed: run `make deps`");
  const read = spawnSync(python, ["-c", "import docx,sys; print('\\n'.join(p.text for p in docx.Document(sys.argv[1]).paragraphs))", path], {
    encoding: "utf8",
  });
  assert.equal(read.status, 0, read.stderr);
  assert.ok(read.stdout.includes(SENTENCE), read.stdout);
  assert.ok(read.stdout.includes(WP_SENTENCE), read.stdout);
});

test("an IME composition in a table cell is neither saved nor moved out of by Tab until it ends", async () => {
  await session.click(await entry("WP1"));
  const gloss = "sections[2].sections[0].blocks[0].outcomes[0].gloss";
  await scrollTo(`[data-path="${gloss}"] textarea`);
  await session.click(await byPath(gloss, "textarea"));
  const revision = (await session.invoke("open_report", { id: reportId })).ok.revision;
  await session.executeAsync(
    `const [path, done] = arguments; const el = document.querySelector('[data-path="' + path + '"] textarea');
     el.dispatchEvent(new CompositionEvent("compositionstart", { bubbles: true, data: "" }));
     el.value = "りょうし";
     el.dispatchEvent(new InputEvent("input", { bubbles: true, isComposing: true, data: "りょうし" }));
     // The IME's own Tab (choosing a candidate) is not the table's.
     el.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, cancelable: true, key: "Tab", isComposing: true }));
     done(null);`,
    [gloss],
  );
  await new Promise((r) => setTimeout(r, 1200));
  assert.equal(await activePath(), gloss, "the focus stays in the composing cell");
  const during = (await session.invoke("open_report", { id: reportId })).ok;
  assert.equal(during.revision, revision, "nothing saved mid-composition");
  assert.equal(during.report.sections[2].sections[0].blocks[0].outcomes[0].gloss ?? null, null);
  await session.executeAsync(
    `const [path, done] = arguments; const el = document.querySelector('[data-path="' + path + '"] textarea');
     el.value = "量子";
     el.dispatchEvent(new CompositionEvent("compositionend", { bubbles: true, data: "量子" }));
     done(null);`,
    [gloss],
  );
  await waitSaved();
  assert.equal((await stored()).sections[2].sections[0].blocks[0].outcomes[0].gloss, "量子");
  await previewIncludes("量子X.1250rev");
});

test("screenshots of every screen, on the example report", async () => {
  await session.click(await $("back"));
  await $("report-row");
  await session.screenshot("library");
  const rows = await session.findAll('[data-testid="report-row"]');
  const texts = await Promise.all(rows.map((r) => session.text(r)));
  await session.click(rows[texts.findIndex((t) => t.includes("ITU-T SG17第2回会合報告"))]);
  await $("preview");
  for (const part of ["title", "authors", "meeting"]) {
    await session.click(await $(`outline-${part}`));
    await session.screenshot(`editor-${part}`);
  }
  await session.click(await entry("はじめに"));
  await session.screenshot("editor-section");
  await session.click(await entry("WP1"));
  await previewIncludes("WP1は、");
  await session.screenshot("editor-working-party");
  const question11 = '[data-block="sections[2].sections[0].blocks[1]"]';
  await scrollTo(question11);
  await session.click(await session.find(question11));
  await session.screenshot("editor-question");
  await session.click(await entry("今後の会合の予定"));
  await scrollTo('[data-testid="schedule-table"]');
  await session.screenshot("editor-schedule");
});

test("a section dragged onto another lands before it, one undo step", async () => {
  const headings = async () => Promise.all((await session.findAll('[data-testid="outline-entry"]')).map((e) => session.text(e)));
  assert.match(flat((await headings()).at(-1)), /^5\.おわりに/);
  // The drag as WebKit delivers it to the page; the driver has no native drag and drop.
  await session.executeAsync(`const done = arguments[0];
    const from = document.querySelector('[data-section="4"]');
    const onto = document.querySelector('[data-section="0"]').closest("li");
    const data = new DataTransfer();
    from.dispatchEvent(new DragEvent("dragstart", { bubbles: true, dataTransfer: data }));
    onto.dispatchEvent(new DragEvent("dragover", { bubbles: true, cancelable: true, dataTransfer: data }));
    onto.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: data }));
    from.dispatchEvent(new DragEvent("dragend", { bubbles: true, dataTransfer: data }));
    done(null);`);
  await session.until("dropped first", async () => /^1\.おわりに/.test(flat((await headings())[0])));
  assert.match(flat((await headings())[1]), /^2\.はじめに/);
  assert.match(await session.text(await $("notice")), /おわりに/);
  await session.click(await $("undo"));
  await session.until("back last", async () => /^5\.おわりに/.test(flat((await headings()).at(-1))));
});
