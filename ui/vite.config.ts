/// <reference types="vitest/config" />
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { defineConfig } from "vite";
import { thirdPartyLicenses } from "./licenses";

// Tauri serves the built files from the root and expects a fixed dev port.
export default defineConfig({
  plugins: [svelte(), thirdPartyLicenses()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { target: "es2022", outDir: "dist", emptyOutDir: true },
  test: {
    include: ["src/**/*.test.ts"],
    // Timestamps are shown in local time; pin the zone so the tests are deterministic.
    env: { TZ: "Asia/Tokyo" },
  },
});
