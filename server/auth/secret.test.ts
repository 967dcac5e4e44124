import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, ensureAuthSecret } from "./secret";

describe("NEXTAUTH_SECRET", () => {
  it("refuses to start production with a missing or default secret", () => {
    expect(() => ensureAuthSecret({ NODE_ENV: "production" } as NodeJS.ProcessEnv)).toThrow(ConfigError);
    expect(() => ensureAuthSecret({ NODE_ENV: "production", NEXTAUTH_SECRET: "changeme" } as NodeJS.ProcessEnv)).toThrow(/NEXTAUTH_SECRET/);
    expect(() => ensureAuthSecret({ NODE_ENV: "production", NEXTAUTH_SECRET: "short" } as NodeJS.ProcessEnv)).toThrow(ConfigError);
    expect(ensureAuthSecret({ NODE_ENV: "production", NEXTAUTH_SECRET: "a-long-random-secret-from-openssl" } as NodeJS.ProcessEnv)).toBe("a-long-random-secret-from-openssl");
  });
  it("outside production generates one secret and keeps it across restarts", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sanad-secret-"));
    const env1 = {} as NodeJS.ProcessEnv;
    const first = ensureAuthSecret(env1, dir);
    expect(first.length).toBeGreaterThan(30);
    expect(readFileSync(path.join(dir, ".nextauth-secret"), "utf8")).toBe(first);
    expect(ensureAuthSecret({} as NodeJS.ProcessEnv, dir)).toBe(first);
  });
});
