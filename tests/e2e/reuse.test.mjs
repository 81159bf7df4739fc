// Reusing past meetings in the running app: a report for the next meeting made from the
// example (its Questions kept, its outcomes cleared, what needs filling a click away),
// search across the reports that opens a report at the place found, and templates.

import assert from "node:assert/strict";
import { test } from "node:test";
import { useApp } from "./webdriver.mjs";

const { session } = useApp({
  async ready() {
    await $("report-row");
  },
});

const $ = (testid) => session.find(`[data-testid="${testid}"]`);
const all = (testid) => session.findAll(`[data-testid="${testid}"]`);

async function ok(command, args) {
  const result = await session.invoke(command, args);
  assert.ok(!result.error, JSON.stringify(result.error));
  return result.ok;
}

/** The selected entry of the editor's outline. */
async function currentOutlineEntry() {
  return session.until("a selected section in the outline", async () => {
    const found = await session.call("POST", "/elements", { using: "css selector", value: '[data-testid="outline-entry"][aria-current="true"]' });
    return found.length === 1 ? session.text(Object.values(found[0])[0]) : null;
  });
}

async function backToLibrary() {
  await session.click(await $("back"));
  await $("report-row");
}

test("a report from the example carries its Questions, clears its outcomes and says what to fill", async () => {
  await session.click(await $("new-from"));
  await $("new-from-dialog");
  const choices = await all("new-from-report");
  assert.equal(choices.length, 1, "the example is the only past report");
  assert.match(await session.text(choices[0]), /ITU-T SG17第2回会合報告/);
  await session.click(choices[0]);

  const carried = await session.text(await $("carried"));
  assert.match(carried, /ITU-T SG17第3回会合報告/);
  assert.match(carried, /課題 12（番号と対象）/);
  assert.match(carried, /会期: .*2026.*6.*2/);
  const toFill = await session.text(await $("to-fill"));
  assert.match(toFill, /参加者数/);
  assert.match(toFill, /課題10の結果/);

  // The new report, as stored: every Question with its scope, no outcome.
  const reports = await ok("list_reports", {});
  const made = reports.find((r) => r.title === "ITU-T SG17第3回会合報告");
  assert.ok(made, JSON.stringify(reports.map((r) => r.title)));
  assert.equal(made.ordinal, 3);
  const view = await ok("open_report", { id: made.id });
  const questions = [];
  const walk = (sections) => {
    for (const section of sections) {
      for (const block of section.blocks) if (block.type === "question") questions.push(block);
      walk(section.sections ?? []);
    }
  };
  walk(view.report.sections);
  assert.equal(questions.length, 12);
  assert.ok(questions.every((q) => q.outcomes.length === 0));
  assert.equal(questions.find((q) => q.number === 15).scope, "量子ベースのセキュリティ");
  assert.equal(view.report.meeting.participants ?? null, null);

  // "Outcomes of Question 10" opens the report at Question 10's section.
  const items = await all("to-fill-item");
  let question10 = null;
  for (const item of items) if ((await session.text(item)) === "課題10の結果") question10 = item;
  assert.ok(question10);
  await session.click(question10);
  await $("editor");
  assert.match(await currentOutlineEntry(), /^3\.1\s*WP1/);
  assert.match(await session.text(await $("report-title")), /第3回/);
  // What is left to fill stays, as the checks, open beside the editor.
  const panel = await $("checks-panel");
  const codes = await session.until("the checks", async () => {
    const found = await session.call("POST", `/element/${panel}/elements`, { using: "css selector", value: '[data-testid="finding"]' });
    return found.length > 0 ? Promise.all(found.map((f) => session.attribute(Object.values(f)[0], "data-code"))) : null;
  });
  for (const code of ["missing.participants", "missing.contributions", "structure.empty_question", "structure.empty_schedule"]) {
    assert.ok(codes.includes(code), `${code} in ${codes.join(", ")}`);
  }
  await session.screenshot("reuse-new-from-example");
});

test("a paragraph marked as boilerplate is saved with the flag, and without it once unmarked", async () => {
  // Still in the report made above, at WP1's section.
  const before = (await all("block")).length;
  await session.click(await $("add-paragraph"));
  await session.until("the new paragraph", async () => (await all("block")).length === before + 1);
  const path = `sections[2].sections[0].blocks[${before}]`;
  await session.type(await session.find(`[data-path="${path}.text"] textarea`), "次回も同じ文。");
  const box = await session.find(`[data-path="${path}.boilerplate"]`);
  assert.equal(await session.text(box), "定型文（次回の報告書に引き継ぐ）");
  const id = (await ok("list_reports", {})).find((r) => r.title === "ITU-T SG17第3回会合報告").id;
  const saved = async () => (await ok("open_report", { id })).report.sections[2].sections[0].blocks[before];

  await session.click(await session.find(`[data-path="${path}.boilerplate"] input`));
  await session.until("the flag saved", async () => (await saved())?.boilerplate === true);
  assert.equal((await saved()).text, "次回も同じ文。");
  await session.click(await session.find(`[data-path="${path}.boilerplate"] input`));
  await session.until("the flag gone from the file", async () => {
    const block = await saved();
    return block?.type === "paragraph" && !("boilerplate" in block);
  });
});

test("an outcome id typed in a Question offers the registered ids with their titles", async () => {
  // Still in the report made above, at WP1's section: Question 10, with no outcome yet.
  const question = "sections[2].sections[0].blocks[0]";
  await session.click(await session.find(`[data-path="${question}"] [data-testid="outcome-add"]`));
  const cell = await session.find(`[data-path="${question}.outcomes[0].id"] input`);
  await session.type(cell, "X.125");
  const options = await session.until("the suggestions", async () => {
    const found = await all("id-suggestion").catch(() => []);
    return found.length > 0 ? found : null;
  });
  const texts = await Promise.all(options.map((o) => session.text(o)));
  assert.ok(texts.every((text) => text.startsWith("X.125")), JSON.stringify(texts));
  const at = texts.findIndex((text) => text.startsWith("X.1250rev"));
  assert.ok(at >= 0, JSON.stringify(texts));
  const title = "Baseline capabilities for enhanced identity management and interoperability";
  assert.match(texts[at], new RegExp(title));
  assert.equal(await session.attribute(cell, "aria-expanded"), "true");
  await session.screenshot("reuse-id-suggestions");

  // ↓ to the id, Enter to take it: the id and the empty title are filled, and saved.
  await session.type(cell, "\uE015".repeat(at + 1));
  assert.equal(await session.attribute(cell, "aria-activedescendant"), await session.attribute(options[at], "id"));
  await session.type(cell, "\uE007");
  const value = (element) => session.call("GET", `/element/${element}/property/value`);
  await session.until("the id taken", async () => (await value(cell)) === "X.1250rev");
  assert.equal(await session.attribute(cell, "aria-expanded"), "false");
  const titleCell = await session.find(`[data-path="${question}.outcomes[0].title"] textarea`);
  assert.equal(await value(titleCell), title);
  const id = (await ok("list_reports", {})).find((r) => r.title === "ITU-T SG17第3回会合報告").id;
  await session.until("the outcome saved", async () => {
    const outcome = (await ok("open_report", { id })).report.sections[2].sections[0].blocks[0].outcomes[0];
    return outcome?.id === "X.1250rev" && outcome.title === title;
  });
  await backToLibrary();
});

test("search finds a Japanese word, marks it, and opens the report where it is", async () => {
  const input = await $("search-input");
  await session.type(input, "量子ベース");
  const hits = await all("search-hit");
  // WP1's title and Question 15's scope, in the example and in the report made from it.
  assert.equal(hits.length, 4);
  const marks = await session.findAll('[data-testid="search-snippet"] mark');
  assert.equal(await session.text(marks[0]), "量子ベース");
  let scope = null;
  for (const hit of hits) if ((await session.attribute(hit, "data-path")) === "sections[2].sections[0].blocks[2].scope") scope = hit;
  assert.ok(scope);
  assert.match(await session.text(scope), /課題15/);
  await session.screenshot("reuse-search");
  await session.click(scope);
  await $("editor");
  assert.match(await currentOutlineEntry(), /^3\.1\s*WP1/);
  await backToLibrary();

  // Two characters: below the trigram index, found all the same.
  await session.clear(await $("search-input"));
  await session.type(await $("search-input"), "鍵");
  await session.until("results for a one-character word", async () => (await all("search-hit")).length > 0);
  const short = await session.findAll('[data-testid="search-snippet"] mark');
  assert.equal(await session.text(short[0]), "鍵");
  await session.clear(await $("search-input"));
  await session.type(await $("search-input"), "存在しない語句");
  await $("search-empty");
});

test("a report saved as a template is offered with the built-in one", async () => {
  const templates = await ok("list_templates", {});
  assert.deepEqual(
    templates.templates.map((t) => t.name),
    ["ITU-T 研究委員会会合報告"],
    "the built-in template, made from the example",
  );
  assert.equal(templates.built_in, "ITU-T 研究委員会会合報告");
  await session.click((await all("save-as-template"))[0]);
  const name = await $("template-name");
  await session.clear(name);
  await session.type(name, "SG17 定例");
  await session.click(await $("confirm-template"));
  assert.match(await session.text(await $("template-saved")), /SG17 定例/);
  const names = (await ok("list_templates", {})).templates.map((t) => t.name).sort();
  assert.deepEqual(names, ["ITU-T 研究委員会会合報告", "SG17 定例"]);
  await session.click(await session.find('[data-testid="save-template-dialog"][open] button'));
});

const templateNames = async () => (await ok("list_templates", {})).templates.map((t) => t.name);
const inDialog = (testid) => session.find(`[data-testid="new-from-dialog"][open] [data-testid="${testid}"]`);

test("deleting a template asks first, and undo brings the template back, not a report", async () => {
  // A report deleted just before: its undo banner must not be what brings anything back.
  const reportsBefore = (await ok("list_reports", {})).length;
  await session.click(await $("new-from"));
  const deletes = await session.findAll('[data-testid="new-from-dialog"][open] [data-testid="delete-template"]');
  assert.equal(deletes.length, 1, "only the saved template has a delete button; the built-in one has none");
  assert.equal(await session.text(deletes[0]), "削除");
  await session.click(deletes[0]);
  const confirm = await session.find('[data-testid="confirm-template-delete-dialog"][open]');
  assert.match(await session.text(confirm), /テンプレート「SG17 定例」を削除します/);
  await session.screenshot("template-delete-asks");
  await session.click(await session.find('[data-testid="confirm-template-delete-dialog"][open] [data-testid="confirm-template-delete"]'));
  assert.match(await session.text(await inDialog("template-removed")), /テンプレート「SG17 定例」を削除しました/);
  assert.deepEqual(await templateNames(), ["ITU-T 研究委員会会合報告"]);

  await session.click(await inDialog("undo-template"));
  await session.until("the template back", async () => (await templateNames()).includes("SG17 定例"));
  assert.equal((await ok("list_reports", {})).length, reportsBefore, "no report came back");
  await session.find('[data-testid="new-from-dialog"][open] [data-testid="new-from-template"]');
});

test("the built-in template is hidden, not deleted, and shown again", async () => {
  await session.click(await inDialog("hide-template"));
  await session.until("hidden", async () => !(await templateNames()).includes("ITU-T 研究委員会会合報告"));
  assert.match(await session.text(await inDialog("template-removed")), /非表示にしました/);
  await session.screenshot("template-built-in-hidden");
  // Once the notice is gone (here: the dialog opened again), the way back stays.
  await session.click(await session.find('[data-testid="new-from-dialog"][open] .buttons button'));
  await session.click(await $("new-from"));
  await session.click(await inDialog("show-built-in"));
  await session.until("shown again", async () => (await templateNames()).includes("ITU-T 研究委員会会合報告"));
  // The database has it back before the dialog redraws its list: wait for the list.
  await session.until("the built-in template listed again, marked as built in", async () => {
    const built = await session.findAll('[data-testid="new-from-dialog"][open] [data-testid="new-from-template"]');
    const texts = await Promise.all(built.map((b) => session.text(b)));
    return texts.some((t) => t.includes("ITU-T 研究委員会会合報告") && t.includes("組み込み"));
  });
  await session.click(await session.find('[data-testid="new-from-dialog"][open] .buttons button'));
});
