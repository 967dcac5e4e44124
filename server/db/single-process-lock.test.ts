import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lockSqliteFile } from "./sqlite-lock";

/** SQLite mode is one process: the lock file refuses a live second process and takes over a dead one's. */
describe("SQLite single-process lock", () => {
  const dirs: string[] = [];
  const dbFile = () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sanad-lock-"));
    dirs.push(dir);
    return path.join(dir, "sanad.db");
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it("refuses while another live process holds the lock", async () => {
    const file = dbFile();
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"], { stdio: "ignore" });
    try {
      writeFileSync(`${file}.lock`, String(other.pid));
      expect(() => lockSqliteFile(file)).toThrow(/Another Sanad process \(pid \d+\)/);
      expect(readFileSync(`${file}.lock`, "utf8")).toBe(String(other.pid)); // the holder's lock is untouched
    } finally {
      other.kill("SIGKILL");
    }
  });

  it("takes over a lock left by a process that died, and removes only its own lock on release", async () => {
    const file = dbFile();
    const dead = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    await new Promise((r) => dead.on("exit", r));
    writeFileSync(`${file}.lock`, String(dead.pid));
    const unlock = lockSqliteFile(file);
    expect(readFileSync(`${file}.lock`, "utf8")).toBe(String(process.pid));
    unlock();
    expect(existsSync(`${file}.lock`)).toBe(false);

    // A lock someone else wrote after ours is not ours to remove.
    const unlock2 = lockSqliteFile(file);
    writeFileSync(`${file}.lock`, "999999999");
    unlock2();
    expect(readFileSync(`${file}.lock`, "utf8")).toBe("999999999");
  });
});
