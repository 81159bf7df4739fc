// Importing a published report in the running app: the import command (the native open
// dialog cannot be driven, so it is called through the app's IPC as the Library calls
// it) reads a Word file exported from the example back into the same outcomes, says what
// it read, and the report opens in the editor with them.

import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, useApp } from "./webdriver.mjs";

const { driver, session } = useApp({
  async ready() {
    await session.find('[data-testid="report-row"]');
  },
});

/** Every outcome of a report as "Question id title action", in document order. */
function outcomes(report) {
  const found = [];
  const walk = (sections) => {
    for (const section of sections) {
      for (const block of section.blocks) {
        if (block.type !== "question") continue;
        for (const o of block.outcomes) found.push(`${block.number} ${o.id ?? ""} ${o.title} ${o.action}`);
      }
      walk(section.sections ?? []);
    }
  };
  walk(report.sections);
  return found;
}

test("a Word file exported from the example imports back to its outcomes, and opens", async () => {
  const path = await session.chooseFile("export", join(driver.home, "published.docx"));
  assert.deepEqual(await session.ok("export_report", { id: 1, format: "docx", path }), { template: null, own_styles: [] });
  await session.chooseFile("import", path);
  const { id, notice } = await session.ok("import_report_file", { path });
  assert.notEqual(id, 1);
  assert.ok(notice.recognised.some((p) => p.what === "課題10: 17 outcomes"), JSON.stringify(notice.recognised));
  assert.deepEqual(notice.typos, []);

  const example = (await session.ok("open_report", { id: 1 })).report;
  const imported = (await session.ok("open_report", { id })).report;
  assert.equal(outcomes(example).length, 99);
  assert.deepEqual(outcomes(imported), outcomes(example));
  assert.deepEqual(imported.meeting, example.meeting);

  // The library lists it first (the most recently edited); it opens in the editor.
  await session.executeAsync("location.reload(); arguments[0]();");
  const rows = await session.until("two rows", async () => {
    const found = await session.findAll('[data-testid="report-row"]');
    return found.length === 2 ? found : null;
  });
  await session.click(rows[0]);
  const preview = await session.find('[data-testid="preview"]');
  const text = await session.until("the outcomes in the preview", async () => {
    const shown = await session.text(preview);
    return shown.includes("X.sup-dsa") ? shown : null;
  });
  assert.match(text, /課題10では、X\.1250rev \(Baseline capabilities for enhanced identity management and interoperability\) がTAP投票を経て合意された。/);
  await session.screenshot("import-opened");
});

test("the published seed's text imports with its typo read through", async () => {
  const path = await session.chooseFile("import", join(ROOT, "tests/fixtures/sg17-2025-12-report.txt"));
  const { id, notice } = await session.ok("import_report_file", { path });
  assert.deepEqual(
    notice.typos.map((t) => `${t.found} → ${t.term}`),
    ["データミネーション → デターミネーション"],
  );
  assert.ok(notice.free_text.length > 0);
  const imported = (await session.ok("open_report", { id })).report;
  const example = (await session.ok("open_report", { id: 1 })).report;
  assert.deepEqual(outcomes(imported), outcomes(example));
});

test("a broken Word file is refused with its path and what is wrong", async () => {
  const whole = await session.chooseFile("export", join(driver.home, "whole.docx"));
  await session.ok("export_report", { id: 1, format: "docx", path: whole });
  const bytes = readFileSync(whole);
  const path = join(driver.home, "truncated.docx");
  writeFileSync(path, bytes.subarray(0, bytes.length / 2));
  await session.chooseFile("import", path);
  const before = (await session.ok("list_reports", {})).length;
  const refused = await session.invoke("import_report_file", { path });
  assert.equal(refused.error.code, "word_not_zip");
  assert.equal(refused.error.params.path, path);
  assert.match(refused.error.message, new RegExp(`^${path}: not a Word file: `));
  assert.equal((await session.ok("list_reports", {})).length, before, "nothing added");
});

test("a file that is not a report, chosen in the library's import, is refused in Japanese with its path", async () => {
  const path = join(driver.home, "手紙.txt");
  writeFileSync(path, "拝啓\n\n先日はありがとうございました。\n");
  const before = (await session.ok("list_reports", {})).length;
  // Back from the report the tests above opened, to the library.
  await session.click(await session.find('[data-testid="back"]'));
  session.answerNextDialog(path);
  await session.click(await session.find('[data-testid="import-report"]'));
  const alert = await session.find('[data-testid="error"]');
  assert.equal(
    await session.text(alert),
    `${path} は会合報告として読めません。表題（「拝啓」）の後に、番号付きの節見出し（「1. はじめに」など）も会合の概要も課題もありません。`,
  );
  assert.equal((await session.ok("list_reports", {})).length, before, "nothing added");
});

test("the import's notice names each place as the checks panel does, not by its path in the file", async () => {
  session.answerNextDialog(join(ROOT, "tests/fixtures/sg17-2025-12-report.txt"));
  await session.click(await session.find('[data-testid="import-report"]'));
  await session.find('[data-testid="import-notice"]');
  await session.click(await session.find('[data-testid="import-notice"] summary'));
  const parts = [];
  for (const part of await session.findAll('[data-testid="import-part"]')) parts.push(await session.text(part));
  assert.ok(parts.length > 0);
  assert.ok(!parts.some((p) => /sections\[|blocks\[|\]\./.test(p)), parts.join("\n"));
  assert.ok(
    parts.some((p) => p.startsWith("1. はじめに")),
    parts.join("\n"),
  );
  assert.ok(parts.some((p) => p.includes("データミネーション → デターミネーション")), parts.join("\n"));
});
