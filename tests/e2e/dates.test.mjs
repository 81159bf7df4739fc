// Dates as people type them: the meeting's dates and a schedule's cells take 2026/12/1,
// 2026年12月1日, 令和8年12月1日 and a range typed in one field, show what they understood,
// store ISO, and say in one message what is wrong, in the UI's language and style of
// date; a new Question takes the next free number.

import assert from "node:assert/strict";
import { test } from "node:test";
import { controlSelector, editing } from "./editing.mjs";
import { useApp } from "./webdriver.mjs";

const TAB = "\uE004";

let id;

const { session } = useApp({
  async ready() {
    await session.click(await $("new-report"));
    await $("editor");
    id = (await session.invoke("list_reports", {})).ok.find((r) => r.title === "").id;
    await session.click(await $("outline-meeting"));
  },
});

const { $, withControl, fill, waitSaved } = editing(() => session);
const stored = async () => (await session.invoke("open_report", { id })).ok.report;
const understood = async (testid) => session.text(await $(`${testid}-understood`));
const errorsAt = async (path) => {
  const found = await session.call("POST", "/elements", { using: "css selector", value: `[data-path="${path}"] [data-testid="field-error"]` });
  return Promise.all(found.map((e) => session.text(Object.values(e)[0])));
};

test("a range typed in the start field fills both dates, in ISO, and says what it understood", async () => {
  await fill("field-meeting-start", "令和8年12月1日～5日");
  await session.until("the dates saved", async () => {
    const m = (await stored()).meeting;
    return m.start === "2026-12-01" && m.end === "2026-12-05";
  });
  assert.equal(await understood("field-meeting-start"), "2026年12月1日(火)～5日(土)");
  // The end field follows; the typed range stays in the start field as typed.
  await session.until("the end field", async () => (await session.executeAsync(`const [s, done] = arguments; done(document.querySelector(s).value);`, [controlSelector("field-meeting-end")])) === "2026-12-05");
  await session.screenshot("dates-range-typed");
});

test("every way of writing one day is read as that day", async () => {
  for (const typed of ["2026/12/2", "2026年12月2日", "２０２６－１２－０２", "2026-12-02"]) {
    await fill("field-meeting-start", typed);
    await session.until(`${typed} saved`, async () => (await stored()).meeting.start === "2026-12-02");
    assert.equal(await understood("field-meeting-start"), "2026年12月2日(水)", typed);
    await fill("field-meeting-start", "");
    await session.until("cleared", async () => !("start" in (await stored()).meeting));
  }
});

test("one message per problem, in the UI's language and style of date", async () => {
  await fill("field-meeting-start", "2026年2月30日");
  await session.until("the message", async () => (await errorsAt("meeting.start")).length === 1);
  assert.deepEqual(await errorsAt("meeting.start"), ["2026年2月30日という日はありません"]);
  await fill("field-meeting-start", "2026年12月1日");
  await fill("field-meeting-end", "2026/11/28");
  // The order of the dates is the checks' finding, once, beside the end; not a field error too.
  const finding = await session.find('[data-path="meeting.end"] [data-code="date.order"]');
  assert.match(await session.text(finding), /終了日\(2026年11月28日\)が開始日\(2026年12月1日\)より前です/);
  assert.deepEqual(await errorsAt("meeting.end"), []);

  await session.click(await session.find('button[lang="en"]'));
  await session.until("English finding", async () => /The end date \(28 November 2026\) is before the start date \(1 December 2026\)/.test(await session.text(await session.find('[data-path="meeting.end"] [data-code="date.order"]'))));
  await fill("field-meeting-end", "2026/2/30");
  await session.until("the English message", async () => (await errorsAt("meeting.end"))[0] === "There is no 30 Feb 2026");
  await fill("field-meeting-end", "2026/12/5");
  await session.until("English order", async () => (await understood("field-meeting-end")) === "Sat 5 Dec 2026");
  await session.screenshot("dates-english");
  await session.click(await session.find('button[lang="ja"]'));
  await waitSaved();
});

test("a schedule cell takes a Japanese date range and fills the row's end", async () => {
  await session.click(await session.find('[data-testid="outline-entry"]'));
  await withControl("field-section-heading", `document.querySelector('[data-testid="add-schedule"]').scrollIntoView({ block: "center" })`);
  await session.click(await $("add-schedule"));
  const row = "sections[0].blocks[1].rows[0]";
  // A table's rows out of view are not drawn: the cell is brought into view, as a user would scroll to it.
  await session.executeAsync(`const [s, done] = arguments; document.querySelector(s).scrollIntoView({ block: "center" }); done(null);`, [`[data-path="${row}.meeting"] textarea`]);
  await session.click(await session.find(`[data-path="${row}.meeting"] textarea`));
  await session.type(await session.find(`[data-path="${row}.meeting"] textarea`), `SG17会合${TAB}2027年1月20日～29日`);
  await session.until("the row's dates", async () => {
    const rows = (await stored()).sections[0].blocks[1].rows;
    return rows[0]?.start === "2027-01-20" && rows[0]?.end === "2027-01-29";
  });
  assert.match(await session.text(await session.find(`[data-path="${row}.start"] ~ .understood, [data-testid="cell-schedule-start-understood"]`)), /2027年1月20日\(水\)～29日\(金\)/);
  await session.screenshot("dates-schedule-cell");
});

test("a new Question takes the next free number", async () => {
  await withControl("field-section-heading", `document.querySelector('[data-testid="add-question"]').scrollIntoView({ block: "center" })`);
  await session.click(await $("add-question"));
  await session.click(await $("add-question"));
  await waitSaved();
  const numbers = (await stored()).sections[0].blocks.filter((b) => b.type === "question").map((q) => q.number);
  assert.deepEqual(numbers, [1, 2]);
});
