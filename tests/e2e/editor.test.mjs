// The editor of the running app: a new report filled in through its fields, the
// generated sentence in the live preview, autosave, undo and redo, a contradiction saved
// with its finding and an unreadable count kept beside its field, IME composition
// holding the save, delete with a way back, and everything there again after a restart.

import assert from "node:assert/strict";
import { test } from "node:test";
import { editing } from "./editing.mjs";
import { useApp } from "./webdriver.mjs";

const { session } = useApp({
  async ready() {
    await $("report-row");
  },
});

const { $, withControl, fill, setDate, waitSaved, previewText, newReport } = editing(() => session);

test("a new report filled in field by field reads as the journal prints it", async () => {
  await newReport("ITU-T SG17第3回会合報告", { group: "SG17", ordinal: "3", start: "2026-06-02", end: "2026-06-11", city: "ジュネーブ", country: "スイス" });
  await fill("field-participants-total", "300");
  assert.equal(await session.text(await $("field-meeting-start-understood")), "2026年6月2日(火)");
  await waitSaved();
  const expected = "ITU-T SG17の第3回会合が、2026年6月2日(火)～11日(木)に、スイス(ジュネーブ)において開催された。この会合には、300名が参加した。";
  await session.until("the preview", async () => (await previewText()).replace(/\s/g, "").includes(expected.replace(/\s/g, "")));
  assert.equal(await session.text(await $("report-title")), "ITU-T SG17第3回会合報告");
  await session.screenshot("editor-new-report");
});

test("undo and redo step through the edits, and each is saved", async () => {
  await fill("field-participants-total", "");
  await fill("field-participants-total", "310");
  await waitSaved();
  await session.until("310 in the preview", async () => (await previewText()).includes("310名"));
  await session.click(await $("undo"));
  await session.until("undo", async () => (await previewText()).includes("300名"));
  await waitSaved();
  const list = await session.invoke("list_reports", {});
  const id = list.ok.find((r) => r.title === "ITU-T SG17第3回会合報告").id;
  assert.equal((await session.invoke("open_report", { id })).ok.report.meeting.participants.total, 300);
  await session.click(await $("redo"));
  await session.until("redo", async () => (await previewText()).includes("310名"));
  await waitSaved();
  assert.equal((await session.invoke("open_report", { id })).ok.report.meeting.participants.total, 310);
});

test("an end before the start is saved with its finding; a count that cannot be read is kept on screen only", async () => {
  const list = await session.invoke("list_reports", {});
  const id = list.ok.find((r) => r.title === "ITU-T SG17第3回会合報告").id;

  await setDate("field-meeting-end", "2026-06-01");
  // Saved as typed (the other fields' saves go on), and an error beside the field says why.
  await session.until("the end date saved", async () => (await session.invoke("open_report", { id })).ok.report.meeting.end === "2026-06-01");
  const finding = await session.find('[data-path="meeting.end"] [data-code="date.order"]');
  assert.match(await session.text(finding), /終了日\(2026年6月1日\)が開始日\(2026年6月2日\)より前です/);
  const before = (await session.invoke("open_report", { id })).ok.revision;
  await fill("field-participants-on-site", "-3");
  const error = await session.find('[data-path="meeting.participants.on_site"] [data-testid="field-error"]');
  assert.match(await session.text(error), /0以上/);
  await new Promise((r) => setTimeout(r, 1200));
  assert.equal((await session.invoke("open_report", { id })).ok.revision, before, "a count that cannot be read adds no revision");
  await session.screenshot("editor-refused-values");

  await setDate("field-meeting-end", "2026-06-11");
  await fill("field-participants-on-site", "");
  await waitSaved();
});

test("an IME composition holds the save until it ends", async () => {
  await session.click(await $("outline-title"));
  await withControl(
    "field-title",
    `el.dispatchEvent(new CompositionEvent("compositionstart", { bubbles: true, data: "" }));
     el.value = "ITU-T SG17第3回会合報告（速報）";
     el.dispatchEvent(new InputEvent("input", { bubbles: true, isComposing: true, data: "速報" }))`,
  );
  await new Promise((r) => setTimeout(r, 1200));
  const list = await session.invoke("list_reports", {});
  assert.ok(list.ok.some((r) => r.title === "ITU-T SG17第3回会合報告"), "nothing saved mid-composition");
  await withControl("field-title", `el.dispatchEvent(new CompositionEvent("compositionend", { bubbles: true, data: "速報" }))`);
  await session.until("the save after the composition", async () => {
    const reports = (await session.invoke("list_reports", {})).ok;
    return reports.some((r) => r.title === "ITU-T SG17第3回会合報告（速報）");
  });
});

test("a deleted report can be brought back from the library", async () => {
  await session.click(await $("back"));
  const rows = await session.findAll('[data-testid="report-row"]');
  assert.equal(rows.length, 2);
  const deletes = await session.findAll('[data-testid="delete-report"]');
  await session.click(deletes[0]);
  await session.click(await $("confirm-delete"));
  await session.until("one row left", async () => (await session.findAll('[data-testid="report-row"]')).length === 1);
  await session.click(await $("undo-delete"));
  await session.until("two rows again", async () => (await session.findAll('[data-testid="report-row"]')).length === 2);
  await session.screenshot("library-two-reports");
});

test("after a restart the edited report is there as it was left", async () => {
  await session.restart();
  const rows = await session.findAll('[data-testid="report-row"]');
  const texts = await Promise.all(rows.map((r) => session.text(r)));
  const index = texts.findIndex((t) => t.includes("ITU-T SG17第3回会合報告（速報）"));
  assert.ok(index >= 0, texts.join("\n"));
  await session.click(rows[index]);
  await session.until("the preview after restart", async () => (await previewText()).includes("2026年6月2日(火)～11日(木)"));
  assert.match(await previewText(), /310名/);
});

test("an earlier revision comes back as an edit that undo takes back", async () => {
  await session.click(await $("outline-history"));
  // The report created, then an entry for each time it was opened and edited.
  const revisions = await session.findAll('[data-testid="history-entry"]');
  assert.ok(revisions.length >= 2, `${revisions.length} entries`);
  assert.match(await session.text(revisions.at(-1)), /報告書を作成[\s\S]*第1版/);
  const restores = await session.findAll('[data-testid="restore-revision"]');
  assert.equal(restores.length, revisions.length - 1, "every entry but the current one");
  const newestBefore = revisions.length;
  // The first revision is the blank report this test created.
  await session.click(restores.at(-1));
  await session.until("the blank title", async () => (await session.text(await $("report-title"))) === "（見出しなし）");
  await waitSaved();
  await session.until("a new entry on top", async () => (await session.findAll('[data-testid="history-entry"]')).length === newestBefore + 1);
  await session.click(await $("undo"));
  await session.until("the title back", async () => (await session.text(await $("report-title"))) === "ITU-T SG17第3回会合報告（速報）");
  await waitSaved();
  await session.screenshot("editor-history");
});
