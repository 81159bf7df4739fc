// Co-authoring between two installations of the app, each with its own database and
// display, as two delegates do it: Aoki shares the report, Suzuki opens the file in the
// library's import; each edits another Working Party and both retitle the report; Suzuki
// shares a copy back and Aoki merges it. The merge summary says who changed what, the
// preview shows both edits, the title both changed is marked in the editor with the
// value kept and the other one, "take the other" takes it, undo takes the merge back
// whole, merging the same file again changes nothing, and a damaged file is refused with
// its Japanese message.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { controlSelector, giveName, installation } from "./editing.mjs";
import { CLI, Session, startDriver } from "./webdriver.mjs";

const A_WP1 = "デジタルID と PKI（青木が加筆）";
const B_WP2 = "IoT と ITS のセキュリティ（鈴木が加筆）";
const A_TITLE = "ITU-T SG17第2回会合報告（青木案）";
const B_TITLE = "ITU-T SG17第2回会合報告（鈴木案）";

const aoki = installation();
const suzuki = installation();
let shared;
let sharedBack;

/** Every saved revision of report `id` in `me`'s database, as the command line lists them. */
function revisions(me, id) {
  const listed = spawnSync(CLI, ["--db", me.driver.db, "history", String(id)], { encoding: "utf8" });
  assert.equal(listed.status, 0, listed.stderr);
  return listed.stdout.trim().split("\n");
}

/** The value of the field `testid` as the editor shows it. */
async function valueOf(me, testid) {
  return me.session.executeAsync(`const [s, done] = arguments; done(document.querySelector(s)?.value ?? null);`, [
    controlSelector(testid),
  ]);
}

/** Opens the report's co-authoring menu and picks `action` in it ("share-report", "merge-copy"). */
async function fromMenu(me, action) {
  const { session } = me;
  const menu = await me.edit.$("coauthor-menu");
  if ((await session.attribute(menu, "aria-expanded")) !== "true") await session.click(menu);
  await session.click(await session.find(`[data-testid="coauthor-panel"] [data-testid="${action}"]`));
}

/** Sets the title and the title of Working Party `wp` ("WP1") as a user types them. */
async function retitle(me, wp, wpTitle, title) {
  const { session } = me;
  await session.click(await me.edit.outlineEntry(wp));
  await me.edit.fill("field-wp-title", wpTitle);
  await me.edit.waitSaved();
  await session.click(await me.edit.$("outline-title"));
  await me.edit.fill("field-title", title);
  await me.edit.waitSaved();
}

before(async () => {
  [aoki.driver, suzuki.driver] = await Promise.all([startDriver(), startDriver()]);
  [aoki.session, suzuki.session] = await Promise.all([Session.start(aoki.driver), Session.start(suzuki.driver)]);
  shared = join(aoki.driver.home, "SG17第2回.rapporteur");
  sharedBack = join(suzuki.driver.home, "鈴木から.rapporteur");
});

after(async () => {
  for (const me of [aoki, suzuki]) {
    await me.session?.end();
    await me.driver?.stop();
  }
});

test("Aoki shares the report, giving the name once; Suzuki opens the file from the library's import", async () => {
  await aoki.session.click(await aoki.edit.$("report-row"));
  await aoki.edit.$("editor");
  await aoki.session.click(await aoki.edit.$("coauthor-menu"));
  assert.equal(await aoki.session.text(await aoki.edit.$("author-name")), "未設定");
  await fromMenu(aoki, "share-report");
  await giveName(aoki, "青木 花子", shared);
  const done = await aoki.edit.$("share-done");
  assert.match(await aoki.session.text(done), /共同執筆用のファイルを書き出しました/);
  assert.equal(readFileSync(shared).subarray(0, 17).toString(), "rapporteur.share\n");
  await aoki.session.click(await aoki.edit.$("coauthor-menu"));
  assert.equal(await aoki.session.text(await aoki.edit.$("author-name")), "青木 花子");
  await aoki.session.click(await aoki.edit.$("coauthor-menu"));

  // On Suzuki's machine the file goes through the library's import, read by its content.
  suzuki.session.answerNextDialog(shared);
  await suzuki.session.click(await suzuki.edit.$("import-report"));
  await suzuki.edit.$("editor");
  await suzuki.session.until("the shared report open", async () =>
    (await suzuki.session.text(await suzuki.edit.$("report-title"))).includes("SG17第2回会合報告"),
  );
});

test("each edits another Working Party and both retitle; Suzuki shares a copy back", async () => {
  await retitle(aoki, "WP1", A_WP1, A_TITLE);
  await retitle(suzuki, "WP2", B_WP2, B_TITLE);
  await fromMenu(suzuki, "share-report");
  await giveName(suzuki, "鈴木 一郎", sharedBack);
  await suzuki.edit.$("share-done");
});

test("Aoki merges Suzuki's copy: who changed what, both edits in the preview, the title marked", async () => {
  const { session, $ } = { session: aoki.session, $: aoki.edit.$ };
  const before = revisions(aoki, 1).length;
  session.answerNextDialog(sharedBack);
  await fromMenu(aoki, "merge-copy");
  await session.find('[data-testid="merge-summary"][open]');
  assert.equal(await session.text(await $("merge-from")), "鈴木 一郎 さんの変更を取り込みました。");
  const conflicts = await session.findAll('[data-testid="merge-conflict"]');
  assert.equal(conflicts.length, 1);
  assert.match(await session.text(conflicts[0]), /^表題.*残した値と、もう一方の値を編集欄に表示しています。/);
  // Field by field, under the part named as the checks panel names it.
  const groups = await Promise.all((await session.findAll('[data-testid="difference-group"]')).map((g) => session.text(g)));
  assert.ok(groups.some((g) => g.startsWith("3.2 WP2: ")), groups.join("\n"));
  const rows = await Promise.all((await session.findAll('[data-testid="difference-row"]')).map((r) => session.text(r)));
  assert.ok(rows.some((r) => r.includes(B_WP2)), rows.join("\n"));
  assert.equal(revisions(aoki, 1).length, before + 1, "the merge is one revision");
  await session.screenshot("merge-summary");

  await session.until("both edits in the preview", async () => {
    const text = await aoki.edit.previewText();
    return text.includes(A_WP1) && text.includes(B_WP2);
  });

  // The title both changed: the summary leads to the field, which shows both values.
  await session.click(await $("merge-show-field"));
  await session.until("the summary closed", async () =>
    session.executeAsync(`arguments[0](document.querySelector('[data-testid="merge-summary"]') === null);`),
  );
  const mark = await session.find('[data-path="title"] [data-testid="conflict"]');
  const kept = await session.text(await $("conflict-kept"));
  const other = await session.text(await $("conflict-other"));
  assert.deepEqual([kept, other].sort(), [A_TITLE, B_TITLE].sort());
  assert.equal(await valueOf(aoki, "field-title"), kept);
  assert.equal(await session.attribute(mark, "data-holding"), "kept");
  await session.screenshot("merge-conflict");
  aoki.kept = kept;
  aoki.other = other;
});

test("one click takes the other value; undo goes back to the value kept, then takes the merge back whole", async () => {
  const { session, $ } = { session: aoki.session, $: aoki.edit.$ };
  await session.click(await $("conflict-take-other"));
  await session.until("the other value taken", async () => (await valueOf(aoki, "field-title")) === aoki.other);
  await session.until("the mark says so", async () => (await session.attribute(await $("conflict"), "data-holding")) === "other");
  await aoki.edit.waitSaved();
  await session.until("the title in the preview", async () => (await aoki.edit.previewText()).includes(aoki.other));

  await session.click(await $("undo"));
  await session.until("the value kept again", async () => (await valueOf(aoki, "field-title")) === aoki.kept);
  await session.click(await $("undo"));
  await session.until("the merge taken back", async () => (await valueOf(aoki, "field-title")) === A_TITLE);
  await session.until("Suzuki's edit gone from the preview", async () => {
    const text = await aoki.edit.previewText();
    return !text.includes(B_WP2) && text.includes(A_WP1);
  });
  await session.click(await $("redo"));
  await session.until("the merge again", async () => (await aoki.edit.previewText()).includes(B_WP2));
  await session.click(await $("redo"));
  await session.until("the other value again", async () => (await valueOf(aoki, "field-title")) === aoki.other);
  await aoki.edit.waitSaved();
});

test("merging the same file again changes nothing", async () => {
  const { session, $ } = { session: aoki.session, $: aoki.edit.$ };
  const before = revisions(aoki, 1);
  session.answerNextDialog(sharedBack);
  await fromMenu(aoki, "merge-copy");
  await session.find('[data-testid="merge-summary"][open] [data-testid="merge-nothing"]');
  assert.equal(
    await session.executeAsync(`arguments[0](document.querySelectorAll('[data-testid="merge-summary"] [data-testid="difference-row"]').length);`),
    0,
  );
  await session.click(await $("merge-summary-close"));
  await aoki.edit.waitSaved();
  assert.deepEqual(revisions(aoki, 1), before, "no revision added");
  assert.equal(await valueOf(aoki, "field-title"), aoki.other);
});

test("a damaged file is refused with its Japanese message, and nothing changes", async () => {
  const { session, $ } = { session: aoki.session, $: aoki.edit.$ };
  const damaged = join(aoki.driver.home, "壊れた.rapporteur");
  const whole = readFileSync(sharedBack);
  writeFileSync(damaged, whole.subarray(0, Math.floor(whole.length / 2)));
  const before = revisions(aoki, 1);
  session.answerNextDialog(damaged);
  await fromMenu(aoki, "merge-copy");
  const alert = await session.find('[data-testid="error"]');
  const message = await session.text(alert);
  assert.ok(message.startsWith(`${damaged} は壊れているか途中で切れています`), message);
  assert.ok(message.endsWith("何も変更していません。"), message);
  assert.deepEqual(revisions(aoki, 1), before);
});
