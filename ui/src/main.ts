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

// The header itself is in index.html; its commands send nothing to the shell.
const commands = element("app-commands");
mount(AboutBox, { target: commands });
mount(LanguageToggle, { target: commands });

// The app is mounted after the page's load event: WebKit counts a command sent before it
// (the library's first list, which waits for the database to open) as the page still
// loading, and paints nothing until it has an answer (docs/performance.md).
const app = element("app");
const start = () => mount(App, { target: app });
if (document.readyState === "complete") start();
else window.addEventListener("load", start, { once: true });
