// "Import past reports…" in the running app: a folder of mixed files chosen in the
// shell's folder dialog (the debug build's stand-in answers it), imported with a
// progress bar, and a summary table that says for each file what was recognised or why
// it was refused, in the UI's language; duplicates are marked and added once, and the
// library, the registry and the id suggestions know the new reports at once. A second
// folder is stopped halfway with the progress bar's Stop.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CLI, ROOT, useApp } from "./webdriver.mjs";

let folder;

const EXAMPLE = join(ROOT, "examples/sg17-2025-12.report.json");
const KANJI = join(ROOT, "tests/fixtures/sg17-2020-03-kanji.report.json");
const PUBLISHED_TEXT = join(ROOT, "tests/fixtures/sg17-2025-12-report.txt");

const { driver, session } = useApp({
  prepare() {
    // The folder a delegate keeps: a Word file the app's export wrote (of a report that
    // is not in this library), the journal's text of the example (in the library from
    // the first run), a report file and a copy of it under another name, a Word file cut
    // short, and a photo.
    folder = join(driver.home, "過去の報告書");
    mkdirSync(folder);
    const id = cli("import", KANJI);
    cli("export", id, "--format", "docx", "-o", join(folder, "2020-03 SG17.docx"));
    copyFileSync(PUBLISHED_TEXT, join(folder, "2025-12 SG17.txt"));
    const next = JSON.parse(readFileSync(EXAMPLE, "utf8"));
    next.title = "ITU-T SG17第3回会合報告";
    Object.assign(next.meeting, { ordinal: 3, start: "2026-09-02", end: "2026-09-10" });
    writeFileSync(join(folder, "2026-09 SG17.report.json"), JSON.stringify(next, null, 1));
    copyFileSync(join(folder, "2026-09 SG17.report.json"), join(folder, "コピー 2026-09 SG17.report.json"));
    writeFileSync(join(folder, "broken.docx"), readFileSync(join(folder, "2020-03 SG17.docx")).subarray(0, 5000));
    copyFileSync(join(ROOT, "docs/screenshots/about.png"), join(folder, "会場の写真.png"));
  },
  async ready(session) {
    await session.find('[data-testid="report-row"]');
  },
});

async function ok(command, args) {
  const result = await session.invoke(command, args);
  assert.ok("ok" in result, `${command}: ${JSON.stringify(result)}`);
  return result.ok;
}

function cli(...args) {
  const run = spawnSync(CLI, ["--db", join(driver.home, "prepare.sqlite3"), ...args], { encoding: "utf8" });
  assert.equal(run.status, 0, `rapporteur-cli ${args.join(" ")}: ${run.stderr}`);
  return run.stdout.trim();
}

/** How many Questions a report file has, and how many outcomes they hold. */
function counts(path) {
  const report = JSON.parse(readFileSync(path, "utf8"));
  let questions = 0;
  let outcomes = 0;
  const walk = (sections) => {
    for (const section of sections) {
      for (const block of section.blocks) {
        if (block.type !== "question") continue;
        questions += 1;
        outcomes += block.outcomes.length;
      }
      walk(section.sections ?? []);
    }
  };
  walk(report.sections);
  return { questions, outcomes };
}

/** The summary table's rows as the user reads them: each cell's text. */
async function summaryRows() {
  return session.executeAsync(
    `const done = arguments[0];
     done([...document.querySelectorAll('[data-testid="folder-file"]')].map((row) => ({
       kind: row.dataset.kind,
       cells: [...row.children].map((cell) => cell.innerText.replace(/\\s+/g, " ").trim()),
     })));`,
  );
}

/** Chooses `dir` in the folder dialog and waits for the summary of its import. */
async function importFolder(dir) {
  session.answerNextDialog(dir);
  await session.click(await session.find('[data-testid="import-folder"]'));
  const heading = await session.until("the summary of the folder", async () => {
    const found = await session.call("POST", "/elements", { using: "css selector", value: "#folder-summary-heading" });
    if (found.length === 0) return null;
    const text = await session.text(Object.values(found[0])[0]);
    return text.includes(dir) ? text : null;
  }, 60_000);
  return heading;
}

test("a cancelled folder dialog imports nothing", async () => {
  const before = await ok("list_reports", {});
  session.answerNextDialog("");
  await session.click(await session.find('[data-testid="import-folder"]'));
  // The shell took the answer, and the command came back: the button is usable again.
  await session.until("the dialog answered", async () => !existsSync(driver.env.RAPPORTEUR_TEST_DIALOG_ANSWER));
  await session.until("the import button enabled", async () => {
    const button = await session.find('[data-testid="import-folder"]');
    return (await session.attribute(button, "disabled")) === null;
  });
  const summaries = await session.call("POST", "/elements", { using: "css selector", value: '[data-testid="folder-summary"]' });
  assert.equal(summaries.length, 0);
  assert.deepEqual(await ok("list_reports", {}), before);
});

test("a folder of mixed files: each imported or refused on its own, duplicates once, in Japanese and English", async () => {
  const before = await ok("list_reports", {});
  assert.equal(before.length, 1, "the example");
  const example = before[0];

  const heading = await importFolder(folder);
  assert.equal(heading, `${folder} の読み込み結果`);
  const counts2020 = counts(KANJI);
  const counts2026 = counts(EXAMPLE);
  const rows = await summaryRows();
  assert.deepEqual(
    rows.map((r) => [r.cells[0], r.kind, r.cells[1]]),
    [
      ["2020-03 SG17.docx", "imported", "追加"],
      ["2025-12 SG17.txt", "already_there", "既にあり"],
      ["2026-09 SG17.report.json", "imported", "追加"],
      ["broken.docx", "refused", "読めず"],
      ["コピー 2026-09 SG17.report.json", "already_there", "既にあり"],
      ["会場の写真.png", "refused", "読めず"],
    ],
  );
  // What was recognised: the meeting, the number of Questions and outcomes, the
  // paragraphs kept as free text.
  assert.deepEqual(rows[0].cells.slice(2), [
    "ITU-T SG17第3回会合報告 ITU-T SG17 第3回 2020年3月17日(火)～26日(木)",
    String(counts2020.questions),
    String(counts2020.outcomes),
    "0",
  ]);
  assert.deepEqual(rows[2].cells.slice(2), [
    "ITU-T SG17第3回会合報告 ITU-T SG17 第3回 2026年9月2日(水)～10日(木)",
    String(counts2026.questions),
    String(counts2026.outcomes),
    "0",
  ]);
  assert.equal(rows[1].cells[2], "「ITU-T SG17第2回会合報告」としてライブラリにあります。追加していません。");
  assert.equal(rows[4].cells[2], "「2026-09 SG17.report.json」と同じ報告書です。一度だけ追加しました。");
  // Refusals by their codes, in the UI's words.
  assert.match(rows[3].cells[2], new RegExp(`^${join(folder, "broken.docx")} は Word ファイルではありません（`));
  assert.equal(
    rows[5].cells[2],
    `ファイル ${join(folder, "会場の写真.png")} は読み込める種類のファイルではありません（0 バイト目から UTF-8 のテキストとして読めません）。読み込めるのは Word ファイル（.docx）、報告書のテキスト（UTF-8）、報告書ファイル（.report.json）です。`,
  );
  assert.equal(
    await session.text(await session.find('[data-testid="folder-counts"]')),
    "2 件を追加、2 件は既にあり、2 件は読めませんでした",
  );

  // The library lists the good ones once, at once; the example is as it was.
  const rowsShown = await session.until("three reports listed", async () => {
    const found = await session.findAll('[data-testid="report-row"]');
    return found.length === 3 ? found : null;
  });
  assert.equal(rowsShown.length, 3);
  const after = await ok("list_reports", {});
  assert.deepEqual(after.map((r) => `${r.title} ${r.start}`).sort(), [
    "ITU-T SG17第2回会合報告 2025-12-03",
    "ITU-T SG17第3回会合報告 2020-03-17",
    "ITU-T SG17第3回会合報告 2026-09-02",
  ]);
  assert.deepEqual(
    after.find((r) => r.id === example.id),
    example,
    "the example is untouched",
  );
  // The registry and the id suggestions know the Word file's work items already.
  const suggested = await ok("suggest_items", { query: "X.ics", report: example.id });
  assert.ok(suggested.some((s) => s.id === "X.ics-sec"), JSON.stringify(suggested));
  await session.screenshot("import-folder-summary-ja");

  // The same table in English, as the UI's language changes.
  await session.click(await session.find('button[lang="en"]'));
  await session.until("the summary in English", async () =>
    (await session.text(await session.find("#folder-summary-heading"))) === `Imported from ${folder}`,
  );
  const english = await summaryRows();
  assert.deepEqual(
    english.map((r) => r.cells[1]),
    ["Added", "Already there", "Added", "Refused", "Already there", "Refused"],
  );
  assert.equal(english[0].cells[2], "ITU-T SG17第3回会合報告 ITU-T SG17 3rd meeting Tue 17 Mar 2020 – Thu 26 Mar 2020");
  assert.equal(english[1].cells[2], "In the library already as “ITU-T SG17第2回会合報告”: not added again.");
  assert.equal(english[4].cells[2], "The same report as “2026-09 SG17.report.json”: added once.");
  assert.equal(
    english[5].cells[2],
    `The file ${join(folder, "会場の写真.png")} is not of a kind Rapporteur reads (it is not UTF-8 text from byte 0). It reads Word files (.docx), the text of a report (UTF-8) and report files (.report.json).`,
  );
  assert.equal(
    await session.text(await session.find('[data-testid="folder-counts"]')),
    "2 added, 2 already there, 2 refused",
  );
  await session.screenshot("import-folder-summary-en");

  // The same folder again adds nothing.
  await session.click(await session.find('[data-testid="folder-summary-close"]'));
  await importFolder(folder);
  const again = await summaryRows();
  assert.deepEqual(
    again.map((r) => r.kind),
    ["already_there", "already_there", "already_there", "refused", "already_there", "refused"],
  );
  assert.equal((await ok("list_reports", {})).length, 3);
  await session.click(await session.find('button[lang="ja"]'));
  await session.until("the UI in Japanese", async () => (await session.executeAsync(`arguments[0](document.documentElement.lang)`)) === "ja");
});

test("the progress bar names each file, and Stop leaves the files after unread", async () => {
  const many = join(driver.home, "many");
  mkdirSync(many);
  const FILES = 400;
  for (let i = 1; i <= FILES; i += 1) copyFileSync(PUBLISHED_TEXT, join(many, `${String(i).padStart(3, "0")}.txt`));
  const before = await ok("list_reports", {});

  session.answerNextDialog(many);
  await session.click(await session.find('[data-testid="import-folder"]'));
  const shown = await session.until(
    "the progress bar",
    async () => {
      const found = await session.call("POST", "/elements", { using: "css selector", value: '[data-testid="import-folder-file"]' });
      if (found.length === 0) return null;
      return session.text(Object.values(found[0])[0]);
    },
    30_000,
  );
  assert.match(shown, /^\d{3}\.txt$/);
  const where = await session.text(await session.find('[data-testid="import-folder-progress"] .where'));
  assert.match(where, new RegExp(`^${FILES} 件中 \\d+ 件目`));
  await session.click(await session.find('[data-testid="import-folder-stop"]'));
  await session.until("the summary of the stopped import", async () => {
    const found = await session.call("POST", "/elements", { using: "css selector", value: '[data-testid="folder-counts"]' });
    return found.length > 0 && (await session.text(Object.values(found[0])[0])).includes("中止したため");
  }, 60_000);
  const rows = await summaryRows();
  assert.equal(rows.length, FILES);
  const read = rows.filter((r) => r.kind === "already_there").length;
  const stopped = rows.filter((r) => r.kind === "stopped").length;
  assert.equal(read + stopped, FILES, "each file either read (the example again) or not reached");
  assert.ok(read >= 1 && stopped >= 1, `read ${read}, stopped ${stopped}`);
  // Those read come first, in the order of their names; the others were never read.
  assert.ok(rows.slice(0, read).every((r) => r.kind === "already_there"));
  assert.equal(rows[read].cells[2], "中止したため読んでいません。");
  assert.deepEqual(await ok("list_reports", {}), before, "nothing was added");
});
