// The preview follows the part being edited: the section selected in the outline, the
// block holding the focus, the title, the byline and the meeting's facts (the summary
// printed from them) are scrolled to and marked in the preview; a click on a heading, a
// paragraph or a Question's sentence in the preview opens that part in the editor.

import assert from "node:assert/strict";
import { test } from "node:test";
import { controlSelector, editing } from "./editing.mjs";
import { useApp } from "./webdriver.mjs";

const { session } = useApp({
  async ready() {
    await session.click(await $("report-row"));
    await $("editor");
  },
});

const { $ } = editing(() => session);

/** Where the preview's heading `number` is, against the preview pane's visible part. */
async function headingInView(number) {
  return session.executeAsync(
    `const [number, done] = arguments;
     const heading = document.querySelector('[data-testid="preview-heading"][data-number="' + number + '"]');
     const pane = heading.closest(".preview-pane").getBoundingClientRect();
     const box = heading.getBoundingClientRect();
     done({ current: heading.classList.contains("current"), visible: box.top >= pane.top - 1 && box.top < pane.bottom });`,
    [number],
  );
}

/** The preview's marked elements: their text's start and whether the first is in view. */
async function marked() {
  return session.executeAsync(
    `const done = arguments[0];
     const marked = [...document.querySelectorAll('[data-testid="preview"] .current')];
     const pane = document.querySelector(".preview-pane").getBoundingClientRect();
     const box = marked[0]?.getBoundingClientRect();
     done({ texts: marked.map((m) => m.textContent.trim().slice(0, 12)), visible: !!box && box.top >= pane.top - 1 && box.top < pane.bottom });`,
  );
}

/** The JSON path of the field holding the focus in the editor. */
async function focused() {
  return session.executeAsync(`arguments[0](document.activeElement?.closest("[data-path]")?.dataset.path ?? null)`);
}

test("the section selected in the outline is scrolled to and marked in the preview", async () => {
  const entries = await session.findAll('[data-testid="outline-entry"]');
  const texts = await Promise.all(entries.map((e) => session.text(e)));
  const index = texts.findIndex((t) => /^3\.3/.test(t));
  // The outline scrolls on its own; WebKit's driver does not bring an entry out of it.
  await session.executeAsync(`const [i, done] = arguments; document.querySelectorAll('[data-testid="outline-entry"]')[i].scrollIntoView({ block: "center" }); done(null);`, [index]);
  await session.click(entries[index]);
  await session.until("3.3 in view and marked", async () => {
    const at = await headingInView("3.3");
    return at.current && at.visible;
  });
  assert.equal((await headingInView("1")).current, false);
  await session.screenshot("preview-follows");
});

test("a click on a heading in the preview opens that section", async () => {
  await session.click(await session.find('[data-testid="preview-heading"][data-number="2.1"] button'));
  await session.until("2.1 selected", async () => /^2\.1/.test(await session.text(await session.find('[data-testid="outline-entry"][aria-current="true"]'))));
  const heading = await session.executeAsync(`const [s, done] = arguments; done(document.querySelector(s).value);`, [controlSelector("field-section-heading")]);
  assert.match(heading, /課題再編/);
});

test("the block holding the focus is marked in the preview, not its section's heading", async () => {
  // WP1 (3.1): Question 11 is its second block.
  await session.executeAsync(`document.querySelector('[data-section="2.0"]').scrollIntoView({ block: "center" }); arguments[0](null);`);
  await session.click(await session.find('[data-testid="outline-entry"][data-section="2.0"]'));
  const scope = '[data-path="sections[2].sections[0].blocks[1].scope"] input';
  await session.executeAsync(`const [s, done] = arguments; document.querySelector(s).scrollIntoView({ block: "center" }); done(null);`, [scope]);
  await session.click(await session.find(scope));
  await session.until("Question 11 marked", async () => {
    const at = await marked();
    return at.visible && at.texts.length === 1 && at.texts[0].includes("課題11");
  });
  assert.equal((await headingInView("3.1")).current, false);
});

test("the title, the byline and the meeting's facts are followed too", async () => {
  await session.click(await $("outline-title"));
  await session.until("the title marked", async () => {
    const at = await marked();
    return at.visible && at.texts[0] === (await session.text(await $("preview-title"))).slice(0, 12);
  });
  await session.click(await $("outline-authors"));
  await session.until("the byline marked", async () => (await session.attribute(await $("preview-byline"), "class")).includes("current"));
  await session.click(await $("outline-meeting"));
  // The summary printed from the facts: "…会合は、2025年12月3日(水)～11日(木)に…".
  await session.until("the summary marked", async () => {
    const at = await marked();
    return at.visible && at.texts.length === 1 && /^ITU-T SG17/.test(at.texts[0]);
  });
});

test("a click on a Question's sentence in the preview opens its block, and on the summary the meeting's facts", async () => {
  const sentence = await session.executeAsync(
    `const done = arguments[0];
     const node = [...document.querySelectorAll('[data-testid="preview"] [data-node]')].find((n) => n.textContent.includes("課題15では"));
     node.scrollIntoView({ block: "center" }); done(node.dataset.node);`,
  );
  await session.click(await session.find(`[data-testid="preview"] [data-node="${sentence}"]`));
  await session.until("Question 15 open", async () => (await focused())?.startsWith("sections[2].sections[0].blocks[2]"));
  assert.match(await session.text(await session.find('[data-testid="outline-entry"][aria-current="true"]')), /^3\.1/);
  await session.until("and marked", async () => (await marked()).texts[0]?.includes("課題15"));

  const summary = await session.executeAsync(
    `const done = arguments[0];
     const node = [...document.querySelectorAll('[data-testid="preview"] [data-node]')].find((n) => /^ITU-T SG17/.test(n.textContent.trim()));
     node.scrollIntoView({ block: "center" }); done(node.dataset.node);`,
  );
  await session.click(await session.find(`[data-testid="preview"] [data-node="${summary}"]`));
  await session.until("the meeting's facts open", async () => (await session.attribute(await $("outline-meeting"), "aria-current")) === "true");
  await session.screenshot("preview-follows-block");
});
