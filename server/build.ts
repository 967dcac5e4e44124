/**
 * Build the Next app and record which sources it was built from, so `npm start` can tell
 * whether the build in `.next` is current. `npm run build` runs this file (always builds);
 * `npm start` calls `ensureBuilt()` (builds only when the sources changed).
 *
 * The fingerprint hashes file CONTENTS, not modification times: a fresh clone, a `git checkout`
 * or a copy gives every file a new mtime, and the first start used to build a second time after
 * `npm run build`.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const FINGERPRINT = path.join(root, ".next", "sanad-source-fingerprint");
const SOURCE_DIRS = ["app", "components", "lib", "server", "types", "messages", "i18n", "public"];
const SOURCE_FILES = ["package-lock.json", "next.config.js", "postcss.config.mjs", "tsconfig.json"];

/** SHA-256 over the paths and contents of everything the Next build reads. */
export function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.(tsx?|css|js|mjs|cjs|json|svg|ico|png|woff2?)$/.test(entry.name)) hash.update(`${path.relative(root, p)}\n`).update(readFileSync(p));
    }
  };
  for (const d of SOURCE_DIRS) walk(path.join(root, d));
  for (const f of SOURCE_FILES) if (existsSync(path.join(root, f))) hash.update(`${f}\n`).update(readFileSync(path.join(root, f)));
  return hash.digest("hex");
}

/** Run `next build` and record the fingerprint; exits the process when the build fails. */
export function build(fingerprint = sourceFingerprint()): void {
  const result = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) {
    console.error("[sanad] the build failed; see the output above.");
    process.exit(result.status ?? 1);
  }
  writeFileSync(FINGERPRINT, fingerprint);
}

/** Build unless `.next` already holds a build of exactly the current sources. */
export function ensureBuilt(): void {
  const wanted = sourceFingerprint();
  const current = existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(FINGERPRINT) && readFileSync(FINGERPRINT, "utf8") === wanted;
  if (current) return;
  console.log("[sanad] building the web app (first start or sources changed; takes a minute)…");
  build(wanted);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) build();
