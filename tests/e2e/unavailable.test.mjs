// A database the app cannot use (here: a file of another program at its path) gives the
// library a clear message naming the file and what to do, in the UI's language, not a
// crash, and the file is left byte for byte as it was; once the user has moved it away,
// "retry" goes on without a restart. A database held by another program refuses a save
// with a message saying so, and the edit is saved once it lets go.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { test } from "node:test";
import { controlSelector, editing } from "./editing.mjs";
import { useApp } from "./webdriver.mjs";

const originalBytes = Buffer.from("これはデータベースではありません。\n".repeat(200));

const { driver, session } = useApp({
  prepare(driver) {
    writeFileSync(driver.db, originalBytes);
  },
});

const { fill, waitSaved } = editing(() => session);

test("a file that is not a Rapporteur database is named in a clear message and left as it is", async () => {
  const alert = await session.find('[data-testid="error"]');
  const text = await session.text(alert);
  // In the Japanese UI (the default), in Japanese; the system's own words in brackets.
  assert.match(text, /は Rapporteur のデータベースではありません（the file is not an SQLite database）。ファイルは変更していません。/);
  assert.ok(text.includes(driver.db), text);
  await session.screenshot("unavailable-database");
  assert.deepEqual(readFileSync(driver.db), originalBytes);
});

test("once the file is moved away, retry opens a new database with the example", async () => {
  renameSync(driver.db, `${driver.db}.not-ours`);
  await session.click(await session.find('[data-testid="error"] button'));
  const rows = await session.findAll('[data-testid="report-row"]');
  assert.equal(rows.length, 1);
  assert.match(await session.text(rows[0]), /ITU-T SG17第2回会合報告/);
  assert.deepEqual(readFileSync(`${driver.db}.not-ours`), originalBytes);
});

test("a save refused while another program holds the database shows why in Japanese, and goes through once it lets go", async () => {
  // Another program (here: Python's sqlite3) holds the write lock past the 5 s the app waits.
  const holder = spawn("python3", [
    "-c",
    "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None); c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); time.sleep(60)",
    driver.db,
  ]);
  await new Promise((resolve, reject) => {
    holder.stdout.once("data", resolve);
    holder.once("exit", (code) => reject(new Error(`the lock holder exited with ${code}`)));
  });
  try {
    await session.click(await session.find('[data-testid="report-row"]'));
    await session.find('[data-testid="editor"]');
    await session.find(controlSelector("field-title"));
    await fill("field-title", "ITU-T SG17第2回会合報告（ロック中の編集）");
    const status = await session.find('[data-testid="save-status"]');
    await session.until("the refused save", async () => (await session.attribute(status, "data-state")) === "failed", 20_000);
    assert.match(
      await session.text(status),
      /^保存できません: 別の Rapporteur の画面か rapporteur-cli が 5 秒以上データベース（.*）を使用中でした。この変更は保存されていません。/,
    );
    await session.screenshot("save-refused-busy");
  } finally {
    holder.kill("SIGKILL");
  }
  await fill("field-title", "ITU-T SG17第2回会合報告（ロック後の編集）");
  await waitSaved();
  const saved = await session.invoke("list_reports", {});
  assert.ok(saved.ok.some((r) => r.title === "ITU-T SG17第2回会合報告（ロック後の編集）"), JSON.stringify(saved));
});
