// The built app opens under Xvfb, lists the example report on its first run, opens it,
// and shares its database file with rapporteur-cli.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { CLI, useApp } from "./webdriver.mjs";

const { driver, session } = useApp();

test("the library lists the example report on the first run", async () => {
  const rows = await session.findAll('[data-testid="report-row"]');
  assert.equal(rows.length, 1);
  const text = await session.text(rows[0]);
  assert.match(text, /ITU-T SG17第2回会合報告/);
  assert.match(text, /SG17/);
  await session.screenshot("smoke-library");
});

test("opening the report shows its title, meeting facts and section headings", async () => {
  await session.click(await session.find('[data-testid="report-row"]'));
  const title = await session.find('[data-testid="report-title"]');
  assert.equal(await session.text(title), "ITU-T SG17第2回会合報告");
  const facts = await session.text(await session.find('[data-testid="meeting-facts"]'));
  assert.match(facts, /2025年12月3日\(水\)～11日\(木\)/);
  assert.match(facts, /408/);
  const entries = await session.findAll('[data-testid="outline-entry"]');
  const headings = await Promise.all(entries.map((e) => session.text(e)));
  assert.equal(headings.length, 11);
  assert.match(headings[0], /はじめに/);
  assert.ok(headings.some((h) => /3\.1\s*WP1: デジタルID/.test(h)), headings.join("\n"));
  assert.match(headings.at(-1), /おわりに/);
  await session.screenshot("smoke-report");
});

test("the app and the CLI share one database file", () => {
  const out = spawnSync(CLI, ["--db", driver.db, "list"], { encoding: "utf8" });
  assert.equal(out.status, 0, out.stderr);
  assert.match(out.stdout, /^1\tITU-T SG17第2回会合報告\t/);
});
