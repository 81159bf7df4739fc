import { mount } from "svelte";
import App from "./App.svelte";
import AboutBox from "./lib/AboutBox.svelte";
import LanguageToggle from "./lib/LanguageToggle.svelte";
import "./app.css";

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`index.html has no #${id} element`);
  return found;
}

// The header itself is in index.html, painted before this script runs.
const commands = element("app-commands");
mount(AboutBox, { target: commands });
mount(LanguageToggle, { target: commands });

export default mount(App, { target: element("app") });
