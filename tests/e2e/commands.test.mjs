// The editing commands of the running app, through its real IPC and its real database:
// save (and refuse), history and restore, create, duplicate, delete and bring back,
// import a file, preview; and everything is still there after the app restarts.

import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { errorParams, ROOT, useApp } from "./webdriver.mjs";

const { driver, session } = useApp({
  async ready() {
    await session.find('[data-testid="report-row"]');
  },
});
test("a save adds a revision; a refused save changes nothing; a revision can be restored", async () => {
  const view = await session.ok("open_report", { id: 1 });
  const edited = { ...view.report, title: "ITU-T SG17第2回会合報告（改訂）" };
  assert.deepEqual(await session.ok("save_report", { id: 1, report: edited }), { revision: 2 });
  assert.deepEqual(await session.ok("save_report", { id: 1, report: edited }), { revision: 2 }, "an unchanged save adds none");

  const sections = structuredClone(edited.sections);
  delete sections[1].sections[0].heading;
  const bad = { ...edited, sections };
  assert.deepEqual(await session.invoke("save_report", { id: 1, report: bad }), {
    error: {
      code: "invalid_report",
      params: errorParams({
        place: "sections[1].sections[0].heading",
        detail: "missing; expected a string (only a section with a working_party may omit its heading)",
      }),
      message:
        "the report is not valid: sections[1].sections[0].heading: missing; expected a string (only a section with a working_party may omit its heading)",
    },
  });
  assert.equal((await session.ok("open_report", { id: 1 })).revision, 2);

  // Opening the report started a new entry of its history, which the save began.
  const history = await session.ok("report_history", { id: 1 });
  assert.deepEqual(history.map((e) => [e.first, e.last, e.began, e.title]), [
    [2, 2, "opened", "ITU-T SG17第2回会合報告（改訂）"],
    [1, 1, "created", "ITU-T SG17第2回会合報告"],
  ]);
  assert.deepEqual(history[0].changes, [{ part: "title", how: "edited", count: 1, place: { section: null, question: null } }]);
  assert.deepEqual(await session.ok("restore_revision", { id: 1, revision: 1 }), { revision: 3 });
  assert.equal((await session.ok("report_history", { id: 1 }))[0].began, "restore");
  assert.equal((await session.ok("open_report", { id: 1 })).report.title, "ITU-T SG17第2回会合報告");
});

test("create, duplicate, delete and bring back", async () => {
  const created = await session.ok("create_report", {});
  const blank = await session.ok("open_report", { id: created });
  assert.equal(blank.report.meeting.organization, "ITU-T");
  assert.deepEqual(blank.report.sections.map((s) => s.heading), ["はじめに"]);

  const copy = await session.ok("duplicate_report", { id: 1 });
  assert.equal((await session.ok("open_report", { id: copy })).report.title, "ITU-T SG17第2回会合報告（複製）");
  assert.equal((await session.ok("list_reports", {})).length, 3);

  await session.ok("delete_report", { id: copy });
  assert.equal((await session.ok("list_reports", {})).length, 2);
  assert.deepEqual(await session.invoke("open_report", { id: copy }), {
    error: { code: "report_not_found", params: errorParams({ name: String(copy) }), message: `no report with id ${copy}` },
  });
  await session.ok("undelete_report", { id: copy });
  assert.equal((await session.ok("list_reports", {})).length, 3);
});

test("a report file is imported; a bad one is refused with its path", async () => {
  const path = await session.chooseFile("import", join(ROOT, "tests/fixtures/sg17-2020-03-kanji.report.json"));
  const { id, notice } = await session.ok("import_report_file", { path });
  assert.equal(notice, null, "a report file is read as it is");
  assert.equal((await session.ok("open_report", { id })).report.style.preset, "ja-kanji");

  const bad = join(driver.home, "bad.report.json");
  writeFileSync(bad, '{"format": "rapporteur.report", "version": 1, "title": 3}');
  await session.chooseFile("import", bad);
  const refused = await session.invoke("import_report_file", { path: bad });
  assert.equal(refused.error.code, "invalid_report");
  assert.equal(refused.error.message, `${bad}: title: expected a string; found 3`);
});

test("the preview is the document the journal will print, and follows an edit by what it changed", async () => {
  const { report } = await session.ok("open_report", { id: 1 });
  const whole = await session.ok("preview_report", { request: { kind: "whole", report } });
  assert.equal(whole.kind, "whole");
  const doc = whole.preview.document;
  assert.deepEqual(doc.body[0], { kind: "heading", level: 1, number: "1.", separator: " ", text: "はじめに" });
  const bullet = doc.body.find((n) => n.kind === "bullet");
  assert.equal(bullet.marker, "●");
  assert.match(bullet.text, /^課題10では、X\.1250rev \(Baseline capabilities/);
  const tables = doc.body.filter((n) => n.kind === "table");
  assert.deepEqual(tables.map((t) => t.caption), ["■表1. 今後のプレナリ会合の予定", "■表2. 今後の中間会合の予定"]);

  // A keystroke's change: only the paragraph typed into comes back.
  const at = report.sections[0].blocks.findIndex((b) => b.type === "paragraph");
  const text = `${report.sections[0].blocks[at].text}（追記）`;
  const changes = [{ pointer: `/sections/0/blocks/${at}/text`, value: JSON.stringify(text) }];
  const changed = await session.ok("preview_report", { request: { kind: "changes", base: whole.version, changes } });
  assert.equal(changed.kind, "changed");
  assert.equal(changed.title, doc.title);
  assert.deepEqual(changed.nodes, [{ kind: "paragraph", text }]);
  assert.equal(changed.removed, 1);
  assert.equal(doc.body[changed.start].kind, "paragraph");
  assert.notEqual(changed.version, whole.version);
  // The version it was given is gone: sent whole again.
  assert.deepEqual(await session.ok("preview_report", { request: { kind: "changes", base: whole.version, changes } }), { kind: "stale" });
});

test("everything saved is there after the app restarts", async () => {
  const before = await session.ok("list_reports", {});
  await session.restart();
  await session.find('[data-testid="report-row"]');
  const afterRestart = await session.ok("list_reports", {});
  assert.deepEqual(afterRestart.map((r) => [r.id, r.title, r.revision]), before.map((r) => [r.id, r.title, r.revision]));
  const rows = await session.findAll('[data-testid="report-row"]');
  assert.equal(rows.length, before.length);
});
