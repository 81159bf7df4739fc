// The app as the desktop starts it: `rapporteur FILE` opens the file; a second launch
// while it runs (a double-click) hands its file to the running window, which asks before
// adding a report it already has; a published report opens with the import's notice; and
// the About box tells the version, where the data is, and the third-party licences.
// The single instance finds the running app on the D-Bus session bus: the test starts
// its own bus, so it does not meet another test's app.

import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { APP, ROOT, useApp } from "./webdriver.mjs";

const REPORT = join(ROOT, "tests/fixtures/sg17-2020-03-kanji.report.json");
const PUBLISHED = join(ROOT, "tests/fixtures/sg17-2025-12-report.txt");
const VERSION = /^version\s*=\s*"(.+)"/m.exec(readFileSync(join(ROOT, "Cargo.toml"), "utf8"))[1];

let bus;

// The bus first (hooks run in the order they are declared): the app started next finds it.
before(() => {
  const daemon = spawnSync("dbus-daemon", ["--session", "--fork", "--print-address=1", "--print-pid=1"], { encoding: "utf8" });
  assert.equal(daemon.status, 0, `dbus-daemon: ${daemon.stderr}`);
  const [address, pid] = daemon.stdout.trim().split("\n");
  bus = Number(pid);
  process.env.DBUS_SESSION_BUS_ADDRESS = address;
});

const { driver, session } = useApp({ args: [REPORT] });

after(() => {
  if (bus) process.kill(bus, "SIGTERM");
});

async function reports() {
  const result = await session.invoke("list_reports", {});
  assert.ok("ok" in result, JSON.stringify(result));
  return result.ok;
}

async function title() {
  return session.text(await session.find('[data-testid="report-title"]'));
}

/** Launches the app again with `file`, as a double-click does; resolves to its exit code. */
function secondLaunch(file) {
  const started = Date.now();
  const child = spawn(APP, [file], { env: driver.env, stdio: "ignore" });
  return new Promise((done) => child.on("exit", (code) => done({ code, ms: Date.now() - started })));
}

test("`rapporteur FILE` adds the report file to the library and opens it", async () => {
  await session.until("the report from the command line", async () => (await title()) === "ITU-T SG17第3回会合報告");
  const listed = await reports();
  assert.equal(listed.length, 2, JSON.stringify(listed));
});

test("a second launch with the same report asks; the existing one opens, or a copy is added", async () => {
  const launched = await secondLaunch(REPORT);
  assert.equal(launched.code, 0);
  const dialog = await session.find('[data-testid="open-file-duplicate"][open]');
  assert.match(await session.text(dialog), /ITU-T SG17第3回会合報告/);
  await session.screenshot("open-file-duplicate");
  await session.click(await session.find('[data-testid="open-file-existing"]'));
  await session.until("the dialog to close", async () => {
    const open = await session.call("POST", "/elements", { using: "css selector", value: '[data-testid="open-file-duplicate"][open]' });
    return open.length === 0;
  });
  assert.equal((await reports()).length, 2, "opening the existing report added one");
  assert.equal(await title(), "ITU-T SG17第3回会合報告");

  assert.equal((await secondLaunch(REPORT)).code, 0);
  await session.click(await session.find('[data-testid="open-file-duplicate"][open] [data-testid="open-file-copy"]'));
  await session.until("the copy in the library", async () => (await reports()).length === 3);
});

test("a published report handed over by a second launch goes through the import, with its notice", async () => {
  assert.equal((await secondLaunch(PUBLISHED)).code, 0);
  await session.find('[data-testid="import-notice"]');
  await session.until("the imported report", async () => (await reports()).length === 4);
  assert.equal(await title(), "ITU-T SG17第2回会合報告");
});

test("a file that cannot be read is named in a message, and the app goes on", async () => {
  const missing = join(driver.home, "なし.report.json");
  assert.equal((await secondLaunch(missing)).code, 0);
  const dialog = await session.find('[data-testid="open-file-failed"][open]');
  assert.match(await session.text(dialog), /なし\.report\.json/);
  await session.call("POST", "/actions", {
    actions: [{ type: "key", id: "keyboard", actions: [{ type: "keyDown", value: "\uE00C" }, { type: "keyUp", value: "\uE00C" }] }],
  });
  assert.equal((await reports()).length, 4);
});

test("the About box shows the version, the database, the backups folder and the licences", async () => {
  await session.click(await session.find('[data-testid="back"]'));
  await session.click(await session.find('[data-testid="about-open"]'));
  const version = await session.find('[data-testid="about-version"]');
  assert.match(await session.text(version), new RegExp(VERSION.replaceAll(".", "\\.")));
  assert.match(await session.text(await session.find('[data-testid="about-copyright"]')), /^© \d{4} /);
  assert.equal(await session.text(await session.find('[data-testid="about-database"]')), driver.db);
  assert.equal(await session.text(await session.find('[data-testid="about-backups"]')), join(driver.home, "backups"));
  const about = await session.invoke("about", {});
  assert.ok("ok" in about, JSON.stringify(about));
  const names = (list) => list.map((p) => p.name);
  assert.ok(about.ok.crates.length > 100, `${about.ok.crates.length} crates`);
  for (const crate of ["tauri", "rusqlite", "docx-rs", "tauri-plugin-single-instance"]) {
    assert.ok(names(about.ok.crates).includes(crate), `${crate} is missing from the crates`);
  }
  assert.ok(!names(about.ok.crates).some((n) => n.startsWith("rapporteur")), "the app's own crates are not third-party");
  assert.ok(about.ok.crates.every((c) => c.license && c.license !== "unknown"), "a crate without a licence");
  // What the bundle holds (the Svelte runtime, Tauri's API), not the build tools.
  const bundled = names(about.ok.ui_packages);
  for (const name of ["svelte", "@tauri-apps/api"]) assert.ok(bundled.includes(name), `${name} is missing: ${bundled}`);
  for (const name of ["vite", "typescript", "@tauri-apps/cli"]) assert.ok(!bundled.includes(name), `${name} is not shipped: ${bundled}`);
  await session.click(await session.find('[data-testid="about-crates"] summary'));
  await session.screenshot("about");
});
