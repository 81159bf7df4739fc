// A history people can read, as a user meets it: a working session of edits is one
// entry of the history, labelled with what changed in the user's words; the entries are
// there after the app restarts; two entries ticked show their difference side by side,
// in Japanese and in English. Every autosave is still a revision of its own (the
// command line lists them).

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { editing } from "./editing.mjs";
import { CLI, useApp } from "./webdriver.mjs";

const TAB = "\uE004";
const Q10 = "sections[2].sections[0].blocks[0]";

const { driver, session } = useApp({
  async ready() {
    await session.click(await $("report-row"));
    await $("editor");
  },
});

const { $, setDate, waitSaved, scrollTo, outlineEntry, active } = editing(() => session);

/** The history's entries as shown: each entry's label, newest first. */
async function labels() {
  const found = await session.findAll('[data-testid="history-label"]');
  return Promise.all(found.map((label) => session.text(label)));
}

/** Every save of report 1, as `rapporteur-cli history` lists them. */
function savedRevisions() {
  const listed = spawnSync(CLI, ["--db", driver.db, "history", "1"], { encoding: "utf8" });
  assert.equal(listed.status, 0, listed.stderr);
  return listed.stdout.trim().split("\n");
}

async function openHistory() {
  await session.click(await $("outline-history"));
  await $("history-entry");
}

test("a session of edits is one entry, labelled with what changed", async () => {
  // The meeting's end date, then two outcomes typed into Question 10's table, each
  // change saved on its own as the user goes.
  await session.click(await $("outline-meeting"));
  await setDate("field-meeting-end", "2025-12-12");
  await waitSaved();
  await session.click(await outlineEntry("WP1"));
  await scrollTo(`[data-path="${Q10}"] [data-testid="outcome-add"]`);
  await session.click(await session.find(`[data-path="${Q10}"] [data-testid="outcome-add"]`));
  await session.type(await active(), `X.9001${TAB}Framework for the first test item`);
  await waitSaved();
  await session.click(await session.find(`[data-path="${Q10}"] [data-testid="outcome-add"]`));
  await session.type(await active(), `X.9002${TAB}Framework for the second test item`);
  await waitSaved();

  const saves = savedRevisions().length;
  assert.ok(saves >= 4, `several saves (the created report and this session's): ${saves}`);
  await openHistory();
  assert.deepEqual(await labels(), ["会期を変更、課題10 の結果を 2 件追加", "報告書を作成"]);
  const newest = await session.find('[data-testid="history-entry"]');
  assert.match(await session.text(newest), /開いて編集/);
  assert.match(await session.text(newest), new RegExp(`${saves - 1} 回保存`));
  await session.screenshot("history-entries");
});

test("the history is there after the app restarts, and opening the report starts no entry by itself", async () => {
  await session.restart();
  await session.click(await $("report-row"));
  await $("editor");
  await openHistory();
  assert.deepEqual(await labels(), ["会期を変更、課題10 の結果を 2 件追加", "報告書を作成"]);
});

test("two entries ticked show their difference side by side, Japanese intact, in either language", async () => {
  const picks = await session.findAll('[data-testid="history-pick"]');
  await session.click(picks[1]);
  await session.click(picks[0]);
  await $("history-difference");
  const rows = await session.findAll('[data-testid="difference-row"]');
  const texts = await Promise.all(rows.map((row) => session.text(row)));
  const groups = await Promise.all((await session.findAll('[data-testid="difference-group"]')).map((g) => session.text(g)));
  // The end date, and the id, title and action of each outcome added, under the part
  // that holds them, named as the checks panel names it.
  assert.equal(rows.length, 7, texts.join("\n"));
  assert.deepEqual(
    groups.map((g) => g.replace(/^3\.1 WP1: .* › 課題10/, "WP1 › 課題10")),
    ["会合の概要", "WP1 › 課題10 › 結果 18（X.9001）", "WP1 › 課題10 › 結果 19（X.9002）"],
  );
  // The end date changed in place, the changed characters marked on each side.
  assert.match(texts[0], /^終了日\s*2025-12-11\s*2025-12-12$/);
  const marked = async (side) =>
    session.executeAsync(
      `const [side, done] = arguments; done(document.querySelector('[data-testid="difference-row"] [data-testid="difference-' + side + '"] mark')?.textContent ?? null);`,
      [side],
    );
  assert.equal(await marked("before"), "1");
  assert.equal(await marked("after"), "2");
  // The outcomes added: their fields on the later side only; a choice in the user's words.
  assert.ok(texts.some((t) => /^英語の題名\s*Framework for the first test item$/.test(t)), texts.join("\n"));
  assert.ok(texts.some((t) => /^扱い\s*承認$/.test(t)), texts.join("\n"));
  await scrollTo('[data-testid="history-difference"]', "start");
  await session.screenshot("history-difference");

  await session.click(await session.find('button[lang="en"]'));
  await session.until("the English history", async () => (await labels())[0] === "Dates changed, Question 10: 2 outcomes added");
  await session.until("the English difference", async () => /^End\s*2025-12-11/.test(await session.text(await $("difference-row"))));
  await scrollTo('[data-testid="history-difference"]', "start");
  await session.screenshot("history-difference-english");
  await session.click(await session.find('button[lang="ja"]'));
});

test("bringing an entry back starts an entry of its own", async () => {
  const older = (await session.findAll('[data-testid="restore-revision"]'))[0];
  await session.click(older);
  await waitSaved();
  await session.until("a new entry", async () => (await labels()).length === 3);
  const newest = await session.find('[data-testid="history-entry"]');
  assert.match(await session.text(newest), /版を戻した/);
  assert.equal((await labels())[0], "会期を変更、課題10 の結果を 2 件削除");
});
