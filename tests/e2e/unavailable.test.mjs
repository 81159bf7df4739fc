// A database the app cannot use (here: a file of another program at its path) gives the
// library a clear message naming the file and what to do, not a crash, and the file is
// left byte for byte as it was; once the user has moved it away, "retry" goes on
// without a restart.

import assert from "node:assert/strict";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { Session, startDriver } from "./webdriver.mjs";

let driver;
let session;
let originalBytes;

before(async () => {
  driver = await startDriver();
  originalBytes = Buffer.from("これはデータベースではありません。\n".repeat(200));
  writeFileSync(driver.db, originalBytes);
  session = await Session.start(driver);
});

after(async () => {
  await session?.end();
  await driver?.stop();
});

test("a file that is not a Rapporteur database is named in a clear message and left as it is", async () => {
  const alert = await session.find('[data-testid="error"]');
  const text = await session.text(alert);
  assert.match(text, /the database could not be opened/);
  assert.ok(text.includes(driver.db), text);
  assert.match(text, /not a Rapporteur database \(the file is not an SQLite database\)/);
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
