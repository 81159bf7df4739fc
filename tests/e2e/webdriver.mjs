// A small WebDriver client for end-to-end tests of the real app: Xvfb for a display,
// tauri-driver (which starts WebKitWebDriver) for the session, plain fetch for the
// protocol. Used by every *.test.mjs in this folder.

import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";

export const ROOT = resolve(import.meta.dirname, "../..");
export const APP = process.env.RAPPORTEUR_APP ?? join(ROOT, "target/debug/rapporteur");
export const CLI = join(ROOT, "target/debug/rapporteur-cli");
export const ARTIFACTS = join(ROOT, "tests/artifacts");
/** The key under which WebDriver passes an element to and from scripts. */
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

function require(command) {
  const found = spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
  if (!found) throw new Error(`${command} is not installed: run \`make deps\``);
}

async function until(what, probe, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}`);
}

/** A command error's facts as the UI receives them: those `given`, the others null. */
export function errorParams(given = {}) {
  const none = { path: null, name: null, revision: null, found: null, known: null, limit: null, place: null, line: null, column: null, detail: null };
  return { ...none, ...given };
}

/**
 * A report (or part of one) without its elements' identities (`uid`, `item_uids`), which
 * the store gives every element it saves: what the report says, for comparing.
 */
export function withoutUids(value) {
  if (Array.isArray(value)) return value.map(withoutUids);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "uid" && key !== "item_uids")
      .map(([key, inner]) => [key, withoutUids(inner)]),
  );
}

/** Starts Xvfb and tauri-driver with a fresh data folder; returns a handle to stop them. */
export async function startDriver() {
  require("Xvfb");
  require("tauri-driver");
  require("WebKitWebDriver");
  if (!existsSync(APP)) throw new Error(`${APP} is not built: run \`make build\``);

  const home = mkdtempSync(join(tmpdir(), "rapporteur-e2e-"));
  const db = join(home, "reports.sqlite3");
  let display = 90 + Math.floor(Math.random() * 400);
  while (existsSync(`/tmp/.X11-unix/X${display}`)) display += 1;
  const xvfb = spawn("Xvfb", [`:${display}`, "-screen", "0", "1280x800x24", "-nolisten", "tcp"], { stdio: "ignore" });
  await until("Xvfb", () => existsSync(`/tmp/.X11-unix/X${display}`), 10_000);

  const port = await freePort();
  const nativePort = await freePort();
  const env = {
    ...process.env,
    DISPLAY: `:${display}`,
    RAPPORTEUR_DB: db,
    XDG_DATA_HOME: join(home, "data"),
    XDG_CONFIG_HOME: join(home, "config"),
    XDG_CACHE_HOME: join(home, "cache"),
    // The debug build's stand-in for the user at a file dialog (see docs/security.md).
    RAPPORTEUR_TEST_DIALOG_ANSWER: join(home, "dialog-answer"),
  };
  const driverLog = [];
  const driver = spawn("tauri-driver", ["--port", String(port), "--native-port", String(nativePort)], { env });
  driver.stdout.on("data", (d) => driverLog.push(String(d)));
  driver.stderr.on("data", (d) => driverLog.push(String(d)));
  const base = `http://127.0.0.1:${port}`;
  await until("tauri-driver", async () => (await fetch(`${base}/status`)).ok, 15_000).catch((err) => {
    throw new Error(`${err.message}\n${driverLog.join("")}`);
  });

  return {
    db,
    home,
    env,
    base,
    async stop() {
      driver.kill("SIGTERM");
      xvfb.kill("SIGTERM");
      await sleep(300);
    },
  };
}

/**
 * The app for one test file: started before its tests (a fresh data folder, a display of
 * its own), ended after them. `prepare(driver)` runs before the window opens (to put a
 * file into the data folder), `ready(session)` once it is up (to wait for the library, or
 * open the example). The driver and the session are filled in when the file's tests start,
 * and stay the same objects across `session.restart()`.
 */
export function useApp({ args = [], prepare, ready } = {}) {
  const driver = {};
  const session = new Session(driver);
  before(async () => {
    Object.assign(driver, await startDriver());
    await prepare?.(driver);
    await session.open(args);
    await ready?.(session);
  });
  after(async () => {
    await session.end();
    await driver.stop?.();
  });
  return { driver, session };
}

/** One WebDriver session on the app. */
export class Session {
  /** `args`: the app's command line (a file to open). */
  static async start(driver, args = []) {
    const session = new Session(driver);
    await session.open(args);
    return session;
  }

  /** A session on the app that `driver` (from `startDriver`) starts; `open` starts it. */
  constructor(driver) {
    this.driver = driver;
    this.url = null;
  }

  /** Starts the app, with `args` on its command line. */
  async open(args = []) {
    const response = await fetch(`${this.driver.base}/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ capabilities: { alwaysMatch: { "tauri:options": { application: APP, args } } } }),
    });
    const body = await response.json();
    if (!response.ok) throw new Error(`no session: ${JSON.stringify(body)}`);
    this.url = `${this.driver.base}/session/${body.value.sessionId}`;
  }

  /** Ends the app and starts it again on the same data folder. */
  async restart(args = []) {
    await this.end();
    await this.open(args);
  }

  get dialogAnswer() {
    return this.driver.env.RAPPORTEUR_TEST_DIALOG_ANSWER;
  }

  /** The next file dialog the app shows, however it is opened, answers `path`. */
  answerNextDialog(path) {
    writeFileSync(this.dialogAnswer, path);
  }

  /**
   * Chooses `path` in the app's export (`kind` "export") or import dialog, as the user
   * would: the shell takes the answer from the test hook and remembers the file, which
   * `export_report` or `import_report_file` then accept. Resolves to the path the shell
   * gave back.
   */
  async chooseFile(kind, path) {
    this.answerNextDialog(path);
    const [command, args] =
      kind === "export"
        ? ["choose_export_file", { title: "export", fileName: "report", filter: { name: "all", extensions: ["*"] } }]
        : ["choose_import_file", { title: "import", filters: [] }];
    const chosen = await this.invoke(command, args);
    if (chosen.ok !== path) throw new Error(`${command}: ${JSON.stringify(chosen)}`);
    return chosen.ok;
  }

  async call(method, path, body) {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
    return json.value;
  }

  /** The elements matching a CSS selector, waiting until at least one is there. */
  async findAll(selector, timeoutMs = 20_000) {
    return this.until(selector, async () => {
      const found = await this.call("POST", "/elements", { using: "css selector", value: selector });
      return found.length > 0 ? found.map((e) => Object.values(e)[0]) : null;
    }, timeoutMs);
  }

  async find(selector, timeoutMs) {
    return (await this.findAll(selector, timeoutMs))[0];
  }

  async text(element) {
    return this.call("GET", `/element/${element}/text`);
  }

  async attribute(element, name) {
    return this.call("GET", `/element/${element}/attribute/${name}`);
  }

  /** Types into a field as a user would: key events, input events. */
  async type(element, text) {
    return this.call("POST", `/element/${element}/value`, { text });
  }

  async clear(element) {
    return this.call("POST", `/element/${element}/clear`, {});
  }

  /**
   * Waits until `probe` (an async function) returns something truthy; returns it. A wait
   * that times out says what the window showed then, and leaves a screenshot of it: a
   * failure on another machine is read from the test's output alone.
   */
  async until(what, probe, timeoutMs = 10_000) {
    try {
      return await until(what, probe, timeoutMs);
    } catch (err) {
      err.message += `\nthe window then: ${await this.describe()}`;
      throw err;
    }
  }

  /** What a user would see of the app's state now, in one line, and a screenshot of it. */
  async describe() {
    try {
      const shown = await this.executeAsync(
        `const done = arguments[0];
         const text = (e) => (e?.textContent ?? "").replace(/\\s+/g, " ").trim().slice(0, 200);
         const active = document.activeElement;
         done({
           heading: text(document.querySelector("h1")),
           editor: document.querySelector("[data-testid=editor]") !== null,
           dialogs: [...document.querySelectorAll("dialog[open]")].map((d) => (d.dataset.testid ?? "dialog") + ": " + text(d)),
           saveStatus: text(document.querySelector("[data-testid=save-status]")),
           notice: text(document.querySelector("[data-testid=notice]")),
           alerts: [...document.querySelectorAll("[role=alert]")].map(text).filter(Boolean),
           checks: [...document.querySelectorAll("[data-testid^=checks-count-]")].map((e) => e.dataset.testid.slice(13) + "=" + e.dataset.count),
           focus: active ? (active.dataset?.testid ?? active.tagName.toLowerCase()) : null,
         });`,
      );
      const picture = await this.screenshot(`timed-out-${Date.now()}`);
      return `${JSON.stringify(shown)} (screenshot ${picture})`;
    } catch (err) {
      return `(the window could not be read: ${err.message})`;
    }
  }

  /**
   * Clicks `element` as a user does: once it is in view and has stopped moving. WebDriver
   * clicks at the point where it finds the element; a row drawn or a field grown in the
   * frame between would take the click instead (under load, CI lost clicks this way).
   */
  async click(element) {
    await this.executeAsync(
      `const [el, done] = arguments;
       el.scrollIntoView({ block: "nearest", inline: "nearest" });
       const until = performance.now() + 2000;
       let last = "";
       let still = 0;
       const frame = () => {
         const r = el.getBoundingClientRect();
         const now = [r.x, r.y, r.width, r.height].join();
         still = now === last ? still + 1 : 0;
         last = now;
         if (still >= 3 || performance.now() > until) done(null);
         else requestAnimationFrame(frame);
       };
       requestAnimationFrame(frame);`,
      [{ [ELEMENT]: element }],
    );
    return this.call("POST", `/element/${element}/click`, {});
  }

  /** Saves a screenshot of the window under tests/artifacts and returns its path. */
  /** Runs `script` in the window; it gets `done` as its last argument and calls it. */
  async executeAsync(script, args = []) {
    return this.call("POST", "/execute/async", { script, args });
  }

  /**
   * Calls one of the app's commands through Tauri's IPC, as the generated bindings do;
   * resolves to { ok } or { error } (the command's error as the UI receives it).
   */
  async invoke(command, args) {
    return this.executeAsync(
      `const [command, args, done] = arguments;
       window.__TAURI_INTERNALS__.invoke(command, args).then((ok) => done({ ok: ok ?? null }), (error) => done({ error }));`,
      [command, args],
    );
  }

  /** Calls a command that must succeed; resolves to its result. */
  async ok(command, args) {
    const result = await this.invoke(command, args);
    if (!("ok" in result)) throw new Error(`${command}: ${JSON.stringify(result)}`);
    return result.ok;
  }

  async screenshot(name) {
    // Let the window paint what the DOM already holds before taking the picture.
    await this.call("POST", "/execute/async", {
      script: "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)));",
      args: [],
    });
    const png = await this.call("GET", "/screenshot");
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, `${name}.png`);
    writeFileSync(path, Buffer.from(png, "base64"));
    return path;
  }

  async end() {
    if (this.url !== null) await this.call("DELETE", "").catch(() => {});
    this.url = null;
  }
}
