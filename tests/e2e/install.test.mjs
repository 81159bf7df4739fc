// The .deb as a delegate installs it: built by the Tauri bundler from the debug build
// (`tauri bundle --debug`, so no second profile is compiled), installed with apt on this
// machine, started under Xvfb on a fresh home, then removed, leaving the user's database.
// Installs and removes a system package: it runs as root (CI does) or with sudo -n.

import assert from "node:assert/strict";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { ARTIFACTS, ROOT } from "./webdriver.mjs";

const has = (command) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
const asRoot = process.getuid?.() === 0 ? [] : ["sudo", "-n"];
const skip = !has("dpkg") || !has("apt-get")
  ? "dpkg and apt-get are missing: this test installs the .deb with the system's package tool"
  : asRoot.length > 0 && spawnSync("sudo", ["-n", "true"]).status !== 0
    ? "not root and no password-less sudo: installing a package needs root"
    : false;

function run(program, args, options = {}) {
  const done = spawnSync(program, args, { encoding: "utf8", ...options });
  if (done.status !== 0) {
    throw new Error(`${program} ${args.join(" ")} exited ${done.status}:\n${done.stdout}\n${done.stderr}`);
  }
  return done.stdout;
}

/** apt-get as root, waiting for the lock another process may hold. */
function apt(args, options = {}) {
  const command = ["apt-get", "-y", "-qq", "-o", "DPkg::Lock::Timeout=600", ...args];
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  return asRoot.length === 0 ? run(command[0], command.slice(1), { env, ...options }) : run("sudo", ["-n", ...command], { env, ...options });
}

const sha256 = (path) => createHash("sha256").update(readFileSync(path)).digest("hex");
const installed = () => spawnSync("dpkg-query", ["-W", "-f=${Status}", "rapporteur"], { encoding: "utf8" }).stdout.includes("install ok installed");

test("the .deb installs, starts on a fresh home, and its removal leaves the database", { skip, timeout: 600_000 }, async () => {
  assert.ok(!installed(), "rapporteur is installed on this machine already: remove it first (apt-get remove rapporteur); this test installs and removes it");

  const started = Date.now();
  run("node", [join(ROOT, "ui/node_modules/.bin/tauri"), "bundle", "--debug", "--bundles", "deb", "--ci"], { cwd: ROOT });
  const bundled = (Date.now() - started) / 1000;
  const debs = join(ROOT, "target/debug/bundle/deb");
  const version = /^version\s*=\s*"(.+)"/m.exec(readFileSync(join(ROOT, "Cargo.toml"), "utf8"))[1];
  const deb = join(debs, readdirSync(debs).find((f) => f === `Rapporteur_${version}_amd64.deb`) ?? `no Rapporteur_${version}_amd64.deb`);
  assert.ok(existsSync(deb), `${deb} was not made`);
  console.log(`tauri bundle --debug --bundles deb: ${bundled.toFixed(1)} s, ${(statSync(deb).size / 1e6).toFixed(1)} MB`);

  // What the package holds: the app, the CLI, its desktop entry, icons and MIME type.
  assert.equal(run("dpkg-deb", ["-f", deb, "Version"]).trim(), version);
  const files = run("dpkg-deb", ["-c", deb]).split("\n").map((line) => line.split(/\s+/).pop());
  for (const path of [
    "usr/bin/rapporteur",
    "usr/bin/rapporteur-cli",
    "usr/share/applications/Rapporteur.desktop",
    "usr/share/icons/hicolor/128x128/apps/rapporteur.png",
    "usr/share/mime/packages/org.rapporteur.app.xml",
  ]) {
    assert.ok(files.includes(path), `the package lacks ${path}:\n${files.join("\n")}`);
  }

  apt(["install", deb]);
  let removed = false;
  const home = mkdtempSync(join(tmpdir(), "rapporteur-install-"));
  const display = 500 + Math.floor(Math.random() * 400);
  let xvfb;
  let app;
  try {
    assert.ok(installed(), "apt-get did not install rapporteur");
    const desktop = readFileSync("/usr/share/applications/Rapporteur.desktop", "utf8");
    assert.match(desktop, /^Name=Rapporteur$/m);
    assert.match(desktop, /^Name\[ja\]=.+$/m);
    assert.match(desktop, /^Categories=.*Office;/m);
    assert.match(desktop, /^MimeType=application\/x-rapporteur-report\+json;$/m);
    assert.match(desktop, /^Exec=rapporteur %f$/m);
    // shared-mime-info's trigger has taken the new type into the MIME database.
    assert.match(readFileSync("/usr/share/mime/globs2", "utf8"), /application\/x-rapporteur-report\+json:\*\.report\.json/);

    // A fresh user: only HOME, no display for the terminal answers.
    const userEnv = { PATH: "/usr/bin:/bin", HOME: home, LANG: "C.UTF-8" };
    assert.equal(run("/usr/bin/rapporteur", ["--version"], { env: userEnv }).trim(), `rapporteur ${version}`);
    assert.equal(run("/usr/bin/rapporteur-cli", ["--version"], { env: userEnv }).trim(), `rapporteur-cli ${version}`);

    xvfb = spawn("Xvfb", [`:${display}`, "-screen", "0", "1280x800x24", "-nolisten", "tcp"], { stdio: "ignore" });
    for (let i = 0; i < 100 && !existsSync(`/tmp/.X11-unix/X${display}`); i += 1) await sleep(100);
    app = spawn("/usr/bin/rapporteur", [], { env: { ...userEnv, DISPLAY: `:${display}` }, stdio: "ignore" });
    let tree = "";
    for (let i = 0; i < 150 && !/"Rapporteur": \("rapporteur"/.test(tree); i += 1) {
      await sleep(200);
      tree = spawnSync("xwininfo", ["-root", "-tree", "-display", `:${display}`], { encoding: "utf8" }).stdout;
    }
    assert.match(tree, /"Rapporteur": \("rapporteur" "Rapporteur"\)\s+1280x800/, `no Rapporteur window:\n${tree}`);
    // Its page is drawn: the library's text gives the screen many colours (an empty
    // window has one).
    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = join(ARTIFACTS, "installed-app.png");
    let colours = 0;
    for (let i = 0; i < 60 && colours < 50; i += 1) {
      await sleep(500);
      execFileSync("import", ["-display", `:${display}`, "-window", "root", shot]);
      colours = Number(execFileSync("identify", ["-format", "%k", shot], { encoding: "utf8" }));
    }
    assert.ok(colours >= 50, `the installed app's window stayed blank (${colours} colours): ${shot}`);

    // The installed app made the database in the user's data folder, with the example in
    // it; the installed CLI reads the same one.
    const db = join(home, ".local/share/org.rapporteur.app/rapporteur.sqlite3");
    assert.ok(existsSync(db), `no database at ${db}`);
    app.kill("SIGTERM");
    await new Promise((done) => app.on("exit", done));
    app = null;
    assert.match(run("/usr/bin/rapporteur-cli", ["list"], { env: userEnv }), /SG17/);
    const before = sha256(db);

    apt(["remove", "rapporteur"]);
    removed = true;
    assert.ok(!installed() && !existsSync("/usr/bin/rapporteur") && !existsSync("/usr/bin/rapporteur-cli"));
    assert.equal(sha256(db), before, "removing the package changed the user's database");
  } finally {
    app?.kill("SIGKILL");
    xvfb?.kill("SIGTERM");
    if (!removed && installed()) apt(["remove", "rapporteur"]);
  }
});
