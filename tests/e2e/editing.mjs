// The ways the editor tests drive the editor's fields, shared by every test file that
// edits a report. `current()` returns the live session: the tests restart the app.

/** The selector of the control of a field: inside the field's wrapper, or the element itself. */
export function controlSelector(testid) {
  return ["input", "textarea", "select"].flatMap((tag) => [`[data-testid="${testid}"] ${tag}`, `${tag}[data-testid="${testid}"]`]).join(", ");
}

export function editing(current) {
  const $ = (testid) => current().find(`[data-testid="${testid}"]`);

  /** Runs `body` in the window with `el` bound to the field's control and `value` given. */
  async function withControl(testid, body, value = null) {
    await current().executeAsync(
      `const [selector, value, done] = arguments; const el = document.querySelector(selector); ${body}; done(null);`,
      [controlSelector(testid), value],
    );
  }

  async function fill(testid, text) {
    // The editor pane scrolls on its own; WebKit's driver does not bring a field out of it.
    await withControl(testid, `el.scrollIntoView({ block: "center" })`);
    const field = await current().find(controlSelector(testid));
    await current().clear(field);
    // WebDriver's clear fires no input event, where a user's delete does.
    await withControl(testid, `el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "deleteContentBackward" }))`);
    if (text !== "") await current().type(field, text);
  }

  /** Sets a date input by script: WebKit's date inputs do not take typed keys reliably. */
  async function setDate(testid, value) {
    await withControl(
      testid,
      `el.value = value; el.dispatchEvent(new Event("input", { bubbles: true })); el.dispatchEvent(new Event("change", { bubbles: true }))`,
      value,
    );
  }

  async function saveState() {
    return current().attribute(await $("save-status"), "data-state");
  }

  async function waitSaved() {
    await current().until("the autosave", async () => (await saveState()) === "saved");
  }

  async function previewText() {
    return current().text(await $("preview"));
  }

  /** Scrolls the element matching `selector` to the middle of its pane (`block`: "start" to its top). */
  async function scrollTo(selector, block = "center") {
    await current().executeAsync(`const [s, block, done] = arguments; document.querySelector(s)?.scrollIntoView({ block }); done(null);`, [
      selector,
      block,
    ]);
  }

  /** The outline entry of the section whose heading includes `heading`, scrolled into view. */
  async function outlineEntry(heading) {
    const entries = await current().findAll('[data-testid="outline-entry"]');
    const headings = await Promise.all(entries.map((e) => current().text(e)));
    const index = headings.findIndex((h) => h.includes(heading));
    if (index < 0) throw new Error(`no section "${heading}" in ${headings.join(" | ")}`);
    // Clear of the outline's sticky tools.
    await scrollTo(`[data-section="${await current().attribute(entries[index], "data-section")}"]`);
    return entries[index];
  }

  /**
   * Starts a new report from the library and types its title and its meeting field by
   * field, as a user does: the group, the ordinal, the dates, the city and the country.
   */
  async function newReport(title, { group, ordinal, start, end, city, country }) {
    await current().click(await $("new-report"));
    await $("editor");
    await fill("field-title", title);
    await current().click(await $("outline-meeting"));
    await fill("field-meeting-group", group);
    await fill("field-meeting-ordinal", ordinal);
    await setDate("field-meeting-start", start);
    await setDate("field-meeting-end", end);
    await fill("field-meeting-city", city);
    await fill("field-meeting-country", country);
  }

  /** The element that has the focus. */
  async function active() {
    return Object.values(await current().call("GET", "/element/active"))[0];
  }

  return { $, withControl, fill, setDate, saveState, waitSaved, previewText, scrollTo, outlineEntry, newReport, active };
}

/** One user's installation of the app, for tests that run two: its driver (display, database), its session and the editing helpers on it. */
export function installation() {
  const me = { driver: null, session: null };
  me.edit = editing(() => me.session);
  return me;
}

/**
 * Gives the author name in the dialog that the first share, merge or link of a shared
 * folder asks it in (installation `me`), and answers the file dialog that follows with `file`.
 */
export async function giveName(me, name, file) {
  await me.session.find('[data-testid="author-dialog"][open]');
  await me.edit.fill("author-input", name);
  me.session.answerNextDialog(file);
  await me.session.click(await me.edit.$("author-save"));
}
