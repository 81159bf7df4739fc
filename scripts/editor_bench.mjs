#!/usr/bin/env node
// `make bench`'s editor figures: the release app driven through WebDriver under Xvfb (the
// end-to-end tests' harness), timed in the window with the Performance API. A benchmark,
// not a test: it prints each figure as a line `bench: {"name", "value", "unit", "aim"}`
// for scripts/bench_collect.py.
//
//   node scripts/editor_bench.mjs APP REPORTS_DIR
//
// REPORTS_DIR holds the reports `bench --write-reports` (crates/export/examples/bench.rs)
// writes: long.report.json (101 pages) and table.report.json (a Question of 200 outcomes).
// Each is opened in the app from the command line, as a double-click would.
//
// - Keystroke to preview updated: a character typed (an input event) into a paragraph
//   of section 1, until the preview's paragraph shows it.
// - A keystroke in a 200-row outcome table: the main thread's work for one character
//   typed into a title cell: the event, the page's update and the layout; the longest
//   frame in the 250 ms after it, and the same with nothing typed, for comparison.
// - Opening the 101-page report: a click on its row in the library until the editor's
//   first field is on screen.

import { resolve } from "node:path";

const [app, reports] = process.argv.slice(2);
if (!app || !reports) {
  console.error("usage: node scripts/editor_bench.mjs APP REPORTS_DIR");
  process.exit(2);
}
// The harness reads the app to start when it is loaded.
process.env.RAPPORTEUR_APP = resolve(app);
const { Session, startDriver } = await import("../tests/e2e/webdriver.mjs");

const KEYSTROKES = 60;
const OPENINGS = 7;

function p95(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function figure(name, value, aim) {
  console.log(`bench: ${JSON.stringify({ name, value: Math.round(value * 100) / 100, unit: "ms", aim })}`);
}

/**
 * Runs `body` (the text of an async function of `args`, which may use the window's
 * helpers below) in the window; resolves to what it returns.
 */
async function run(session, body, args = []) {
  const result = await session.executeAsync(
    `const done = arguments[arguments.length - 1];
     const args = [...arguments].slice(0, -1);
     (async (...args) => { ${WINDOW} ${body} })(...args).then((value) => done({ value }), (error) => done({ error: String(error) }));`,
    args,
  );
  if (result.error) throw new Error(result.error);
  return result.value;
}

// The helpers of the scripts run in the window. until: waits until `probe()` is truthy
// (checked on every change of the page).
const WINDOW = `
  const until = (probe, what, timeoutMs = 20000) => new Promise((resolve, reject) => {
    if (probe()) return resolve();
    const observer = new MutationObserver(() => { if (probe()) { observer.disconnect(); clearTimeout(timer); resolve(); } });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error("timed out waiting for " + what)); }, timeoutMs);
  });
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const pause = (ms) => new Promise((r) => setTimeout(r, ms));
  // Opens a section from the outline (its data-section) and gives its field at \`selector\` once drawn.
  const openField = async (section, selector, what) => {
    const entry = document.querySelector('[data-testid="outline-entry"][data-section="' + section + '"]');
    entry.scrollIntoView(); entry.click();
    await until(() => document.querySelector(selector), what);
    return document.querySelector(selector);
  };
  // Types \`text\` at the end of a field, as a keystroke does (an input event).
  const typeAtEnd = (field, text) => {
    field.setRangeText(text, field.value.length, field.value.length, "end");
    field.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: text }));
  };`;

async function openInLibrary(session, title) {
  await run(
    session,
    `const back = document.querySelector('[data-testid="back"]');
     if (back) {
       // What was typed is saved first, so that leaving does not ask.
       await until(() => document.querySelector('[data-testid="save-status"]')?.dataset.state === "saved", "the save", 60000);
       back.click();
     }
     const row = () => [...document.querySelectorAll('[data-testid="report-row"]')].find((r) => r.querySelector(".title")?.textContent === args[0]);
     await until(row, "the report's row");
     row().click();
     await until(() => document.querySelector('[data-testid="preview"] [data-node]'), "the preview");`,
    [title],
  );
}

/** Types `count` characters into the paragraph of section 1; the time until each shows in the preview. */
async function keystrokesToPreview(session) {
  return run(
    session,
    `const field = await openField("0", '[data-path="sections[0].blocks[1].text"] textarea', "the paragraph's field");
     field.focus();
     const start = field.value.slice(0, 20);
     const node = [...document.querySelectorAll('[data-testid="preview"] [data-node]')].find((n) => n.textContent.includes(start));
     if (!node) throw new Error("the paragraph is not in the preview");
     const index = node.dataset.node;
     const shown = (tail) => document.querySelector('[data-testid="preview"] [data-node="' + index + '"]')?.textContent.includes(tail);
     const kana = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわ";
     const times = [];
     for (let i = 0; i < args[0]; i++) {
       await pause(80);
       const t0 = performance.now();
       typeAtEnd(field, kana[i % kana.length]);
       const tail = field.value.slice(-8);
       await until(() => shown(tail), "the keystroke in the preview");
       times.push(performance.now() - t0);
     }
     return times;`,
    [KEYSTROKES],
  );
}

/** Types into a title cell of the 200-row table: each keystroke's main-thread work, and the longest frame after it. */
async function keystrokesInTable(session) {
  return run(
    session,
    `const field = await openField("2.0", '[data-path="sections[2].sections[0].blocks[0].outcomes[100].title"] textarea', "the title cell");
     field.scrollIntoView({ block: "center" });
     field.focus();
     const work = [];
     const frames = [];
     // The longest frame in 250 ms, as the loop below measures it.
     const longestFrame = async (from) => {
       let last = from;
       let longest = 0;
       while (performance.now() - from < 250) {
         await frame();
         const now = performance.now();
         longest = Math.max(longest, now - last);
         last = now;
       }
       return longest;
     };
     // The same with nothing typed: how the window paces its frames anyway on this
     // machine (under Xvfb, no GPU, other builds beside it), to read the figure against.
     const idle = [];
     for (let i = 0; i < args[0]; i++) {
       await pause(50);
       idle.push(await longestFrame(performance.now()));
     }
     for (let i = 0; i < args[0]; i++) {
       await pause(50);
       const t0 = performance.now();
       typeAtEnd(field, "a");
       // The page's update runs in microtasks; then the layout it needs.
       await Promise.resolve();
       field.getBoundingClientRect();
       document.body.offsetHeight;
       const t1 = performance.now();
       work.push(t1 - t0);
       // The frames of the next 250 ms: the preview answering.
       frames.push(await longestFrame(t1));
     }
     return { work, frames, idle };`,
    [KEYSTROKES],
  );
}

/** Opens the report titled `title` from the library `count` times: the time until its editor's first field is painted. */
async function openings(session, title) {
  return run(
    session,
    `const times = [];
     for (let i = 0; i < args[1]; i++) {
       document.querySelector('[data-testid="back"]')?.click();
       const row = () => [...document.querySelectorAll('[data-testid="report-row"]')].find((r) => r.querySelector(".title")?.textContent === args[0]);
       await until(row, "the report's row");
       await pause(300);
       const t0 = performance.now();
       row().click();
       await until(() => document.querySelector('[data-testid="editor"] input, [data-testid="editor"] textarea'), "the editor");
       await frame();
       times.push(performance.now() - t0);
       // Let the preview and the checks arrive before leaving.
       await until(() => document.querySelector('[data-testid="preview"] [data-node]'), "the preview");
       await pause(300);
     }
     return times;`,
    [title, OPENINGS],
  );
}

async function withApp(file, body) {
  const driver = await startDriver();
  try {
    const session = await Session.start(driver, [file]);
    try {
      // A run of keystrokes takes longer than WebDriver's 30 s for a script.
      await session.call("POST", "/timeouts", { script: 600_000 });
      await session.until("the report opened", async () => (await session.findAll('[data-testid="preview"] [data-node]', 60_000)).length > 0, 60_000);
      await body(session);
    } finally {
      await session.end();
    }
  } finally {
    await driver.stop();
  }
}

const EXAMPLE = "ITU-T SG17第2回会合報告";

await withApp(resolve(reports, "long.report.json"), async (session) => {
  const long = `${EXAMPLE} (101 pages)`;
  const opened = await openings(session, long);
  console.log(`opening the 101-page report: ${opened.map((t) => t.toFixed(0)).join(", ")} ms`);
  figure("editor: open the 101-page report to an editable screen (median)", median(opened), 500);
  await openInLibrary(session, long);
  const longTimes = await keystrokesToPreview(session);
  figure("editor: keystroke to preview updated, 101-page report (p95)", p95(longTimes), 50);
  console.log(`  median ${median(longTimes).toFixed(1)} ms, max ${Math.max(...longTimes).toFixed(1)} ms`);
  await openInLibrary(session, EXAMPLE);
  const exampleTimes = await keystrokesToPreview(session);
  figure("editor: keystroke to preview updated, example (p95)", p95(exampleTimes), 50);
  console.log(`  median ${median(exampleTimes).toFixed(1)} ms, max ${Math.max(...exampleTimes).toFixed(1)} ms`);
});

await withApp(resolve(reports, "table.report.json"), async (session) => {
  const { work, frames, idle } = await keystrokesInTable(session);
  figure("editor: keystroke in a 200-row outcome table, main-thread work (p95)", p95(work), 16);
  console.log(`  median ${median(work).toFixed(1)} ms, max ${Math.max(...work).toFixed(1)} ms`);
  figure("editor: longest frame within 250 ms of a keystroke in the 200-row table (p95)", p95(frames), null);
  figure("editor: longest frame within 250 ms with nothing typed, the same table (p95)", p95(idle), null);
});
