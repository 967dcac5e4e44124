import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const cli = path.join(root, "server/detect/detect-cli.ts");
const tsx = path.join(root, "node_modules/.bin/tsx");
const run = (...args: string[]) => spawnSync(tsx, [cli, ...args], { encoding: "utf8", cwd: root });
const dir = mkdtempSync(path.join(tmpdir(), "detect-cli-"));
const file = (name: string, content: string | Buffer) => { const p = path.join(dir, name); writeFileSync(p, content); return p; };

describe("detect-cli", { timeout: 30_000 }, () => {
  it("prints JSON Lines with offsets into the content as read (BOM kept)", () => {
    const text = "\uFEFFقال الوزير: \"نحن ندعم الحل السياسي\" في 4 يوليو الجاري\n";
    const r = run(file("a.txt", text), "--date", "2020-07-21");
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((d) => d.type)).toEqual(["quote", "date"]);
    for (const d of lines) expect(text.slice(d.start, d.end)).toBe(d.text);
    expect(lines[1].fields.value).toBe("2020-07-04");
  });
  it("rejects bad input with a one-line error and a non-zero exit", () => {
    for (const [args, msg] of [
      [[path.join(dir, "missing.txt")], /file not found/],
      [[file("e.txt", "")], /empty file/],
      [[file("b.bin", Buffer.from([0x61, 0, 0x62]))], /binary/],
      [[file("u.txt", Buffer.from([0xc3, 0x28]))], /invalid UTF-8/],
      [[file("ok.txt", "x"), "--lang", "fr"], /--lang/],
      [[file("ok2.txt", "x"), "--date", "2020-13-01"], /--date/],
      [[], /usage/],
    ] as Array<[string[], RegExp]>) {
      const r = run(...args);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(msg);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});
