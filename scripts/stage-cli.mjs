// The Tauri bundler's beforeBundleCommand: puts the rapporteur-cli of the profile being
// packaged where tauri.conf.json's deb and rpm `files` take it from (/usr/bin in the
// package). The CLI is built beforehand by `make package` (release) or `make build`
// (debug, for the install test); this only copies, so packaging never compiles a second
// feature set of the workspace.
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const profile = process.env.TAURI_ENV_DEBUG === "true" ? "debug" : "release";
const exe = process.platform === "win32" ? "rapporteur-cli.exe" : "rapporteur-cli";
// With `--target` cargo builds under target/<triple>/; without, under target/.
const triple = process.env.TAURI_ENV_TARGET_TRIPLE ?? "";
const built = [join(root, "target", triple, profile, exe), join(root, "target", profile, exe)].find(existsSync) ?? join(root, "target", profile, exe);
if (!existsSync(built)) {
  const how = profile === "debug" ? "make build" : "cargo build --release -p rapporteur-cli";
  console.error(`${built} is missing: build it first (${how})`);
  process.exit(1);
}
mkdirSync(join(root, "target", "package"), { recursive: true });
copyFileSync(built, join(root, "target", "package", exe));
console.log(`staged ${built} for the package`);
