// Export from the running app: the report view offers the three formats, and the
// export command writes a Word file that an independent reader opens. Errors reach
// the UI as { code, message }.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { errorParams, ROOT, useApp, withoutUids } from "./webdriver.mjs";

const { driver, session } = useApp({
  async ready() {
    await session.click(await session.find('[data-testid="report-row"]'));
    await session.find('[data-testid="report-title"]');
  },
});

test("the report view offers Word, the report file and text", async () => {
  for (const format of ["docx", "json", "text"]) {
    const button = await session.find(`[data-testid="export-${format}"]`);
    assert.ok((await session.text(button)).length > 0);
  }
});

test("the export command writes a Word file with the report's sentences", async () => {
  const path = await session.chooseFile("export", join(driver.home, "報告書.docx"));
  const result = await session.invoke("export_report", { id: 1, format: "docx", path });
  assert.deepEqual(result, { ok: { template: null, own_styles: [] } });
  assert.ok(readFileSync(path).subarray(0, 4).equals(Buffer.from("PK\x03\x04")), "a zip package");
  const python = join(ROOT, ".venv/bin/python");
  assert.ok(existsSync(python), "the test readers are not installed: run `make deps`");
  const read = spawnSync(python, ["-c", "import docx,sys; print('\\n'.join(p.text for p in docx.Document(sys.argv[1]).paragraphs))", path], {
    encoding: "utf8",
  });
  assert.equal(read.status, 0, read.stderr);
  assert.match(read.stdout, /課題10では、X\.1250rev \(Baseline capabilities for enhanced identity management and interoperability\) がTAP投票を経て合意された。/);
});

test("the report file and the text come out as the CLI writes them", async () => {
  const json = await session.chooseFile("export", join(driver.home, "out.report.json"));
  assert.deepEqual(await session.invoke("export_report", { id: 1, format: "json", path: json }), { ok: { template: null, own_styles: [] } });
  const exported = JSON.parse(readFileSync(json, "utf8"));
  const shipped = JSON.parse(readFileSync(join(ROOT, "examples/sg17-2025-12.report.json"), "utf8"));
  // The shipped file, its elements now with the identities the store gave them.
  assert.deepEqual(withoutUids(exported), shipped);
  const text = await session.chooseFile("export", join(driver.home, "out.txt"));
  assert.deepEqual(await session.invoke("export_report", { id: 1, format: "text", path: text }), { ok: { template: null, own_styles: [] } });
  assert.match(readFileSync(text, "utf8"), /^ITU-T SG17第2回会合報告\n/);
});

test("a failed command reaches the UI as { code, params, message }", async () => {
  const missing = await session.invoke("open_report", { id: 999 });
  const params = errorParams({ name: "999" });
  assert.deepEqual(missing, { error: { code: "report_not_found", params, message: "no report with id 999" } });
  const path = await session.chooseFile("export", "/nonexistent-folder/out.docx");
  const unwritable = await session.invoke("export_report", { id: 1, format: "docx", path });
  assert.equal(unwritable.error.code, "file_not_writable");
  assert.equal(unwritable.error.params.path, path);
  assert.match(unwritable.error.message, /^\/nonexistent-folder\/out\.docx: cannot write: No such file or directory/);
  await session.screenshot("export-report-view");
});

test("a path the user did not choose in a dialog is neither written nor read", async () => {
  const invented = join(driver.home, "invented.txt");
  const write = await session.invoke("export_report", { id: 1, format: "text", path: invented });
  assert.equal(write.error.code, "not_chosen");
  assert.equal(existsSync(invented), false);
  const read = await session.invoke("import_report_file", { path: "/etc/passwd" });
  assert.equal(read.error.code, "not_chosen");
  // A file chosen to be read is not thereby one to write over, nor the reverse.
  const toRead = await session.chooseFile("import", join(driver.home, "chosen.txt"));
  assert.equal((await session.invoke("export_report", { id: 1, format: "text", path: toRead })).error.code, "not_chosen");
  const toWrite = await session.chooseFile("export", "/etc/hostname");
  assert.equal((await session.invoke("import_report_file", { path: toWrite })).error.code, "not_chosen");
  // A cancelled dialog gives nothing.
  writeFileSync(session.dialogAnswer, "");
  assert.deepEqual(await session.invoke("choose_import_file", { title: "import", filters: [] }), { ok: null });
});
