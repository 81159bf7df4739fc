// The preview follows the part being edited: the section selected in the outline is
// scrolled to and marked in the preview, and a click on a heading in the preview opens
// that section in the editor.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { controlSelector, editing } from "./editing.mjs";
import { Session, startDriver } from "./webdriver.mjs";

let driver;
let session;

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

before(async () => {
  driver = await startDriver();
  session = await Session.start(driver);
  await session.click(await $("report-row"));
  await $("editor");
});

after(async () => {
  await session?.end();
  await driver?.stop();
});

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
