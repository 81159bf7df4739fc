import { vitePreprocess } from "@sveltejs/vite-plugin-svelte";

/** @type {import("@sveltejs/vite-plugin-svelte").SvelteConfig} */
export default {
  preprocess: vitePreprocess(),
  compilerOptions: {
    runes: true,
    // Build DOM with createElement instead of parsing template strings through innerHTML,
    // so the app also runs under a Trusted Types CSP.
    fragments: "tree",
  },
};
