import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Placeholder values that must never protect a production deployment. */
const WEAK_SECRETS = new Set(["", "changeme", "change-me", "secret", "sanad", "sanad-dev-secret", "development"]);

export class ConfigError extends Error {}

/**
 * Decide NEXTAUTH_SECRET before anything reads it. Production refuses a missing or default
 * secret. Outside production, a random secret is generated once and kept in ./data so that
 * sessions survive restarts of the embedded demo.
 */
export function ensureAuthSecret(env: NodeJS.ProcessEnv = process.env, dataDir = path.resolve("data")): string {
  const given = env.NEXTAUTH_SECRET?.trim() ?? "";
  if (env.NODE_ENV === "production") {
    if (WEAK_SECRETS.has(given.toLowerCase()) || given.length < 16) {
      throw new ConfigError(
        "NEXTAUTH_SECRET is missing or a default value. In production set it to a long random string, e.g. `openssl rand -base64 32`.",
      );
    }
    return given;
  }
  if (given) return given;
  const file = path.join(dataDir, ".nextauth-secret");
  if (existsSync(file)) {
    env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
  } else {
    mkdirSync(dataDir, { recursive: true });
    env.NEXTAUTH_SECRET = randomBytes(32).toString("base64url");
    writeFileSync(file, env.NEXTAUTH_SECRET, { mode: 0o600 });
  }
  return env.NEXTAUTH_SECRET!;
}
