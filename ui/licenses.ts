// The third-party packages the app ships, written into the build for its About box:
// the Rust crates compiled into it (cargo-license, over Cargo.lock, for this machine's
// platform, without build, dev and proc-macro dependencies, which are not shipped) and
// the npm packages bundled into the window (rollup-plugin-license, over the modules the
// bundle actually contains). Both as [{ name, version, license, repository }].
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import license, { type Dependency } from "rollup-plugin-license";
import type { Plugin } from "vite";

interface ThirdParty {
  name: string;
  version: string;
  license: string;
  repository: string | null;
}

const ROOT = resolve(import.meta.dirname, "..");

function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 });
  } catch (err) {
    const how = command === "cargo" ? " (install it: cargo install cargo-license --locked; scripts/deps.sh does)" : "";
    throw new Error(`${command} ${args.join(" ")} failed${how}: ${(err as Error).message}`);
  }
}

function crates(): ThirdParty[] {
  const host = /^host: (.+)$/m.exec(run("rustc", ["-vV"]))?.[1];
  if (!host) throw new Error("rustc -vV does not name the host platform");
  const listed = JSON.parse(
    run("cargo", ["license", "--json", "--avoid-build-deps", "--avoid-dev-deps", "--avoid-proc-macros", "--filter-platform", host]),
  ) as { name: string; version: string; license: string | null; repository: string | null }[];
  return listed
    .filter((c) => c.name !== "rapporteur" && !c.name.startsWith("rapporteur-"))
    .map((c) => ({ name: c.name, version: c.version, license: c.license ?? "unknown", repository: c.repository }));
}

function uiPackage(d: Dependency): ThirdParty {
  const repository = typeof d.repository === "string" ? d.repository : (d.repository?.url ?? null);
  return { name: d.name ?? "unknown", version: d.version ?? "", license: d.license ?? "unknown", repository };
}

export function thirdPartyLicenses(): Plugin[] {
  let bundled: ThirdParty[] | null = null;
  let outDir = "dist";
  const collect = license({ thirdParty: { includePrivate: false, output: (deps) => void (bundled = deps.map(uiPackage)) } });
  const write: Plugin = {
    name: "rapporteur-third-party-licenses",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      if (!bundled) throw new Error("rollup-plugin-license listed no bundled packages");
      const dir = join(outDir, "licenses");
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "ui.json"), JSON.stringify(bundled, null, 1));
      writeFileSync(join(dir, "crates.json"), JSON.stringify(crates(), null, 1));
    },
  };
  return [{ ...collect, apply: "build" }, write];
}
