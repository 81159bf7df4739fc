// The editor at 1280×800, in Japanese and in English: the outcome and schedule tables
// fit the editor column (every select shows its longest label whole, a long English
// title wraps in its cell and is shown whole, nothing runs out of the table), and the
// screenshots of the README: the library, the editor with an outcome table, the checks
// panel, in each language. An end date before the start shows both dates in full.

import assert from "node:assert/strict";
import { test } from "node:test";
import { editing } from "./editing.mjs";
import { useApp } from "./webdriver.mjs";

const { session } = useApp({
  async ready() {
    await $("report-row");
  },
});

const { $, fill, waitSaved } = editing(() => session);

async function scrollTo(selector) {
  await session.executeAsync(`const [s, done] = arguments; document.querySelector(s)?.scrollIntoView({ block: "start" }); done(null);`, [selector]);
}

async function language(lang) {
  await session.click(await session.find(`button[lang="${lang}"]`));
  await session.until(`the UI in ${lang}`, async () => (await session.executeAsync(`arguments[0](document.documentElement.lang)`)) === lang);
}

/** Opens the section of the outline whose `data-section` is `path` ("2.0" for WP1). */
async function openSection(path) {
  await scrollTo(`[data-section="${path}"]`);
  await session.click(await session.find(`[data-testid="outline-entry"][data-section="${path}"]`));
}

/**
 * How the table `testid` lays out once the layout has settled (a growing cell takes its
 * height a frame after its width, and a font may arrive late): each select whose longest
 * label is wider than its box, each cell control whose text is cut (scrolled
 * horizontally or vertically), and whether the table is wider than the editor pane.
 */
async function fit(testid) {
  let last = null;
  const settled = await session.until(`the ${testid} laid out`, async () => {
    const now = JSON.stringify(await measure(testid));
    const same = now === last;
    last = now;
    return same ? now : null;
  });
  return JSON.parse(settled);
}

/** One measurement of `fit`'s, after the next frame is laid out. */
async function measure(testid) {
  return session.executeAsync(
    `const [testid, done] = arguments;
     requestAnimationFrame(() => requestAnimationFrame(() => {
     const table = document.querySelector('[data-testid="' + testid + '"]');
     const pane = table.closest(".editor-pane");
     const canvas = document.createElement("canvas").getContext("2d");
     const cut = [];
     for (const select of table.querySelectorAll("select")) {
       const style = getComputedStyle(select);
       canvas.font = style.font;
       const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
       for (const option of select.options) {
         if (canvas.measureText(option.text).width > room + 0.5) cut.push(select.closest("[data-path]").dataset.path + ": " + option.text);
       }
     }
     const hidden = [];
     for (const control of table.querySelectorAll("textarea, input")) {
       if (control.scrollWidth > control.clientWidth + 1 || control.scrollHeight > control.clientHeight + 1) hidden.push(control.closest("[data-path]").dataset.path);
     }
     // Cells of one row that overlap each other (or the row's buttons).
     const overlaps = [];
     for (const row of table.querySelectorAll("li")) {
       const boxes = [...row.querySelectorAll(".cell, .actions, input, select, textarea")].filter((e) => !e.closest(".visually-hidden")).map((e) => [e, e.getBoundingClientRect()]);
       for (const [a, ra] of boxes) for (const [b, rb] of boxes) {
         if (a === b || a.contains(b) || b.contains(a) || a.closest(".cell") === b.closest(".cell") && a.closest(".cell")) continue;
         if (ra.left < rb.right - 1 && rb.left < ra.right - 1 && ra.top < rb.bottom - 1 && rb.top < ra.bottom - 1) overlaps.push((a.closest("[data-path]")?.dataset.path ?? a.className) + " × " + (b.closest("[data-path]")?.dataset.path ?? b.className));
       }
     }
     const titles = [...table.querySelectorAll('[data-testid="cell-outcome-title"]')];
     done({
       overlaps,
       cut,
       hidden,
       overflows: table.getBoundingClientRect().right > pane.getBoundingClientRect().right - 1,
       titleTags: titles.map((t) => t.tagName.toLowerCase()),
       wrapped: titles.filter((t) => t.clientHeight > parseFloat(getComputedStyle(t).lineHeight) * 1.5).length,
     });
     }));`,
    [testid],
  );
}

for (const lang of ["ja", "en"]) {
  test(`${lang}: the library, the outcome and schedule tables that fit, the checks panel`, async () => {
    // From the library, also after the other language's test failed in the editor.
    const back = await session.call("POST", "/elements", { using: "css selector", value: '[data-testid="back"]' });
    if (back.length > 0) await session.click(Object.values(back[0])[0]);
    await language(lang);
    await session.screenshot(`library-${lang}`);
    await session.click(await $("report-row"));
    await $("editor");

    // WP1: Question 10 has 17 outcomes, some with long English titles.
    await openSection("2.0");
    const outcomes = await session.find('[data-testid="outcome-table"]');
    await scrollTo('[data-testid="block"][data-kind="question"]');
    const outcomeFit = await fit("outcome-table");
    await session.screenshot(`outcome-table-${lang}`);
    assert.deepEqual(outcomeFit.overlaps, [], "cells over each other");
    assert.deepEqual(outcomeFit.cut, [], "select labels cut");
    assert.deepEqual(outcomeFit.hidden, [], "cells whose text is cut");
    assert.equal(outcomeFit.overflows, false, "the outcome table is wider than the editor");
    assert.ok(outcomeFit.titleTags.every((tag) => tag === "textarea"), "titles are multi-line");
    assert.ok(outcomeFit.wrapped > 0, "a long title wraps");
    assert.ok(outcomes);

    // 4. 今後の会合の予定: a schedule of 19 rows.
    await openSection("3");
    await scrollTo('[data-testid="schedule-table"]');
    const scheduleFit = await fit("schedule-table");
    await session.screenshot(`schedule-table-${lang}`);
    assert.deepEqual(scheduleFit.overlaps, [], "cells over each other");
    assert.deepEqual(scheduleFit.cut, []);
    assert.deepEqual(scheduleFit.hidden, [], "schedule cells whose text is cut");
    assert.equal(scheduleFit.overflows, false, "the schedule table is wider than the editor");

    // An end before the start: an error in the checks panel, and both dates in full in
    // the header (not 「3日(水)～1日(月)」, which reads as a range).
    await session.click(await $("outline-meeting"));
    await fill("field-meeting-end", "2025/12/1");
    await session.until("the error counted", async () => Number(await session.attribute(await $("checks-count-error"), "data-count")) > 0);
    const dates = lang === "ja" ? "2025年12月3日(水)～2025年12月1日(月)" : "Wed 3 Dec 2025 – Mon 1 Dec 2025";
    assert.ok((await session.text(await $("meeting-facts"))).includes(dates), "the header's dates");
    await session.click(await $("checks-toggle"));
    await $("checks-panel");
    await session.screenshot(`checks-panel-${lang}`);
    await session.click(await $("checks-toggle"));
    await fill("field-meeting-end", "2025-12-11");
    await waitSaved();
  });
}
