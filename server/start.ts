/**
 * `npm start`: build the Next app when there is no build for the current sources, then run
 * the server (server/main.ts). Printing where to open it and how to sign in is main's job.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const FINGERPRINT = path.join(root, ".next", "sanad-source-fingerprint");

function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.(tsx?|css|js|mjs|json)$/.test(entry.name)) hash.update(`${p}:${statSync(p).size}:${statSync(p).mtimeMs}\n`);
    }
  };
  for (const d of ["app", "components", "lib", "server", "types", "i18n", "messages", "public"]) walk(path.join(root, d));
  for (const f of ["package-lock.json", "next.config.js", "postcss.config.mjs", "tsconfig.json"]) {
    if (existsSync(path.join(root, f))) hash.update(readFileSync(path.join(root, f)));
  }
  return hash.digest("hex");
}

const wanted = sourceFingerprint();
const built = existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(FINGERPRINT) && readFileSync(FINGERPRINT, "utf8") === wanted;
if (!built) {
  console.log("[sanad] building the web app (first start or sources changed; takes a minute)…");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) {
    console.error("[sanad] the build failed; see the output above.");
    process.exit(result.status ?? 1);
  }
  writeFileSync(FINGERPRINT, wanted);
}
process.env.NEXT_TELEMETRY_DISABLED = "1";
await import("./main");
