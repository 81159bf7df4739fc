// Co-authoring through a shared folder (docs/collaboration.md, "A shared folder"): two
// installations of the app, each with its own database and display, and one folder
// between them, as a delegation's synced folder is. Aoki shares the report and Suzuki
// opens the file; both link the report to the folder. From then on no one clicks to
// merge: an edit in one window reaches the other's preview, with the merge summary
// saying whose it is; a file half-written by a sync service is left for later, quietly,
// and taken once whole; both end with the same report.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { giveName, installation } from "./editing.mjs";
import { CLI, Session, startDriver } from "./webdriver.mjs";

const A_WP1 = "デジタルID と PKI（青木が共有フォルダーで加筆）";
const B_WP2 = "IoT と ITS のセキュリティ（鈴木が共有フォルダーで加筆）";

const aoki = installation();
const suzuki = installation();
/** The folder the delegation syncs, as both machines see it. */
const folder = mkdtempSync(join(tmpdir(), "rapporteur-shared-"));

/** Report `id` in `me`'s database as a report file, with its elements' identities. */
function exported(me, id) {
  const written = spawnSync(CLI, ["--db", me.driver.db, "export", String(id), "--format", "json"], { encoding: "utf8" });
  assert.equal(written.status, 0, written.stderr);
  return written.stdout;
}

/** The report in `me`'s library linked to the shared folder, as the command line finds it. */
function linkedReport(me) {
  const listed = spawnSync(CLI, ["--db", me.driver.db, "list"], { encoding: "utf8" });
  const ids = listed.stdout.trim().split("\n").map((line) => line.split("\t")[0]);
  return ids.find((id) => spawnSync(CLI, ["--db", me.driver.db, "link", id], { encoding: "utf8" }).stdout.startsWith(`folder\t${folder}\n`));
}

/** The files each installation wrote in the folder, by writer. */
function files() {
  const [document] = readdirSync(folder);
  const here = join(folder, document);
  return Object.fromEntries(readdirSync(here).map((peer) => [peer, readdirSync(join(here, peer)).sort()]));
}

/** Opens the co-authoring panel (if closed). */
async function openPanel(me) {
  const menu = await me.edit.$("coauthor-menu");
  if ((await me.session.attribute(menu, "aria-expanded")) !== "true") await me.session.click(menu);
  return me.session.find('[data-testid="coauthor-panel"]');
}

async function closePanel(me) {
  const menu = await me.edit.$("coauthor-menu");
  if ((await me.session.attribute(menu, "aria-expanded")) === "true") await me.session.click(menu);
}

/** Closes the merge summary. */
async function closeSummary(me) {
  await me.session.click(await me.session.find('[data-testid="merge-summary"][open] [data-testid="merge-summary-close"]'));
  await me.session.until("the summary closed", async () =>
    me.session.executeAsync(`arguments[0](document.querySelector('[data-testid="merge-summary"][open]') === null);`),
  );
}

/** Whether a dialog is open: a look at the folder must never open one by itself. */
async function dialogOpen(me) {
  return me.session.executeAsync(`arguments[0](document.querySelector('dialog[open]') !== null);`);
}

/** Dismisses the notice of what a look at the folder brought, if one is shown. */
async function dismissArrival(me) {
  const shown = await me.session.executeAsync(`arguments[0](document.querySelector('[data-testid="folder-arrival"]') !== null);`);
  if (shown) await me.session.click(await me.edit.$("folder-arrival-dismiss"));
}

/**
 * `me` types `title` as Working Party `wp`'s title; once it is saved, waits (with no click
 * there) until `other`'s preview shows it, and gives the notice's line there saying whose
 * change came in from the folder.
 */
async function retitleSeenBy(me, wp, title, other) {
  await me.session.click(await me.edit.outlineEntry(wp));
  await me.edit.fill("field-wp-title", title);
  await me.edit.waitSaved();
  await other.session.until("the edit in the other's preview", async () => (await other.edit.previewText()).includes(title), 30_000);
  return other.session.text(await other.session.find('[data-testid="folder-arrival"] [data-testid="folder-arrival-from"]'));
}

/** Whether an error alert is on screen (a look at the folder must never raise one). */
async function alerts(me) {
  return me.session.executeAsync(`arguments[0](document.querySelectorAll('[data-testid="error"], [role="alert"]').length);`);
}

before(async () => {
  [aoki.driver, suzuki.driver] = await Promise.all([startDriver(), startDriver()]);
  [aoki.session, suzuki.session] = await Promise.all([Session.start(aoki.driver), Session.start(suzuki.driver)]);
});

after(async () => {
  for (const me of [aoki, suzuki]) {
    await me.session?.end();
    await me.driver?.stop();
  }
});

test("Aoki shares the report and links it to the folder; Suzuki opens the file and links it too", async () => {
  const shared = join(aoki.driver.home, "SG17第2回.rapporteur");
  await aoki.session.click(await aoki.edit.$("report-row"));
  await aoki.edit.$("editor");
  await openPanel(aoki);
  await aoki.session.click(await aoki.edit.$("share-report"));
  await giveName(aoki, "青木 花子", shared);
  await aoki.edit.$("share-done");

  await openPanel(aoki);
  aoki.session.answerNextDialog(folder);
  await aoki.session.click(await aoki.edit.$("link-folder"));
  await aoki.session.until("the panel closed", async () => (await aoki.session.attribute(await aoki.edit.$("coauthor-menu"), "aria-expanded")) === "false");
  await openPanel(aoki);
  const path = await aoki.session.find('[data-testid="linked-folder"] [data-testid="folder-path"]');
  assert.equal(await aoki.session.text(path), folder);
  assert.match(await aoki.session.text(await aoki.edit.$("folder-synced")), /^最後の同期: \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
  // The first look wrote the whole document as Aoki's first file.
  assert.deepEqual(Object.values(files()), [["000001.rapporteur-update"]]);
  await closePanel(aoki);

  suzuki.session.answerNextDialog(shared);
  await suzuki.session.click(await suzuki.edit.$("import-report"));
  await suzuki.edit.$("editor");
  await openPanel(suzuki);
  await suzuki.session.click(await suzuki.edit.$("link-folder"));
  // The name is asked first, then the folder.
  await giveName(suzuki, "鈴木 一郎", folder);
  await openPanel(suzuki);
  await suzuki.session.find('[data-testid="linked-folder"]');
  assert.equal(await suzuki.session.text(await suzuki.edit.$("folder-path")), folder);
  await closePanel(suzuki);
});

test("Aoki's edit reaches Suzuki's preview with no click in Suzuki's window, a notice saying whose it is", async () => {
  // Suzuki's first look may have brought Aoki something (the name Suzuki gave): its
  // notice, if any, is dismissed first.
  await sleep(2000);
  await dismissArrival(aoki);
  assert.equal(await retitleSeenBy(aoki, "WP1", A_WP1, suzuki), "共有フォルダーから 青木 花子 さんの変更が届き、取り込みました。");
  assert.equal(await dialogOpen(suzuki), false, "the look opened no dialog");
  assert.equal(await alerts(suzuki), 0);
  await suzuki.session.screenshot("shared-folder-arrival");
  // Asked for, the summary names who made each change.
  await suzuki.session.click(await suzuki.edit.$("folder-arrival-show"));
  const from = await suzuki.session.find('[data-testid="merge-summary"][open] [data-testid="merge-from"]');
  assert.equal(await suzuki.session.text(from), "青木 花子 さんの変更を取り込みました。");
  const by = await suzuki.session.executeAsync(
    `arguments[0]([...document.querySelectorAll('[data-testid="merge-summary"] [data-testid="difference-row"]')].map((r) => [r.querySelector('td.after').textContent.trim(), r.querySelector('[data-testid="difference-by"]')?.textContent ?? null]));`,
  );
  assert.deepEqual(by.find(([after]) => after === A_WP1), [A_WP1, "青木 花子 さん"], JSON.stringify(by));
  await closeSummary(suzuki);
  assert.equal(await suzuki.session.executeAsync(`arguments[0](document.querySelector('[data-testid="folder-arrival"]') === null);`), true);
  await openPanel(suzuki);
  assert.match(await suzuki.session.text(await suzuki.edit.$("folder-arrived")), /^最後に届いた変更: .*（青木 花子 さん）$/);
  await suzuki.session.screenshot("shared-folder-linked");
  await closePanel(suzuki);
});

test("Suzuki's edit reaches Aoki's preview the same way, while Aoki's cursor stays in the field Aoki is in", async () => {
  await aoki.session.click(await aoki.edit.outlineEntry("WP1"));
  const typing = await aoki.edit.$("field-wp-title");
  await aoki.session.click(typing);
  const focused = () => aoki.session.executeAsync(`arguments[0](document.activeElement?.dataset.testid ?? null);`);
  assert.equal(await focused(), "field-wp-title");
  assert.equal(await retitleSeenBy(suzuki, "WP2", B_WP2, aoki), "共有フォルダーから 鈴木 一郎 さんの変更が届き、取り込みました。");
  assert.equal(await focused(), "field-wp-title", "the look left the focus where it was");
  assert.equal(await dialogOpen(aoki), false);
  await dismissArrival(aoki);
  assert.ok((await aoki.edit.previewText()).includes(A_WP1));
});

test("a file a sync service has only half written is left for later, quietly, and taken once whole", async () => {
  // A third co-author's first file (a copy of the largest file there: nothing new in it),
  // arriving cut, then whole.
  const [document] = readdirSync(folder);
  const written = Object.entries(files()).flatMap(([peer, names]) => names.map((name) => join(folder, document, peer, name)));
  const whole = written.map((file) => readFileSync(file)).reduce((a, b) => (b.length > a.length ? b : a));
  const third = join(folder, document, "00000000000000ff");
  mkdirSync(third);
  writeFileSync(join(third, "000001.rapporteur-update"), whole.subarray(0, Math.floor(whole.length / 2)));
  await openPanel(aoki);
  const leftOut = await aoki.session.find('[data-testid="folder-left-out"]', 30_000);
  assert.match(await aoki.session.text(leftOut), /^まだ読めないファイルが 1 件あります/);
  assert.equal(await alerts(aoki), 0, "no error alert for a file not whole yet");
  writeFileSync(join(third, "000001.rapporteur-update"), whole);
  await aoki.session.until(
    "the whole file taken",
    async () => aoki.session.executeAsync(`arguments[0](document.querySelector('[data-testid="folder-left-out"]') === null);`),
    30_000,
  );
  await closePanel(aoki);
});

test("a linked report no editor has open takes in a co-author's edit: the library shows it, and it opens merged", async () => {
  const title = "ITU-T SG17第2回会合報告（青木が題を改訂）";
  await suzuki.edit.waitSaved();
  await suzuki.session.click(await suzuki.edit.$("back"));
  await suzuki.edit.$("report-row");
  await aoki.session.click(await aoki.edit.$("outline-title"));
  await aoki.edit.fill("field-title", title);
  await aoki.edit.waitSaved();
  const rowTitles = () =>
    suzuki.session.executeAsync(`arguments[0]([...document.querySelectorAll('[data-testid="report-row"] .title')].map((t) => t.textContent));`);
  await suzuki.session.until("the new title in Suzuki's library", async () => (await rowTitles()).includes(title), 30_000);
  assert.equal(await alerts(suzuki), 0);
  // Opened, the report is the merged one: the title in the editor, no look left to bring it.
  const rows = await suzuki.session.findAll('[data-testid="report-row"]');
  const titles = await Promise.all(rows.map((r) => suzuki.session.text(r)));
  await suzuki.session.click(rows[titles.findIndex((t) => t.includes(title))]);
  await suzuki.edit.$("editor");
  assert.ok((await suzuki.edit.previewText()).includes(title));
  await suzuki.session.click(await suzuki.edit.$("outline-title"));
  assert.equal(await suzuki.session.executeAsync(`arguments[0](document.querySelector('[data-testid="field-title"]').value);`), title);
  await dismissArrival(aoki);
});

test("both end with the same report", async () => {
  await aoki.edit.waitSaved();
  await suzuki.edit.waitSaved();
  const [mine, theirs] = [linkedReport(aoki), linkedReport(suzuki)];
  assert.ok(mine && theirs, "each library has the report linked");
  await aoki.session.until("the same report in both databases", async () => exported(aoki, mine) === exported(suzuki, theirs), 30_000);
  const report = exported(aoki, mine);
  assert.ok(report.includes(A_WP1) && report.includes(B_WP2), report);
  const previews = await Promise.all([aoki.edit.previewText(), suzuki.edit.previewText()]);
  assert.equal(previews[0], previews[1]);
});
