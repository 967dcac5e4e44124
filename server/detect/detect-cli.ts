/**
 * Command line: `npx tsx server/detect/detect-cli.ts <file> [--lang ar|en] [--date YYYY-MM-DD]`.
 * Prints one JSON object per detection (JSON Lines), sorted by start. Offsets index the file
 * content decoded as UTF-8 exactly as read (a BOM and trailing newline are kept).
 * Bad input -> one-line error on stderr, exit code 2 (usage) or 1 (file).
 */
import { readFileSync } from "node:fs";
import { detectClaims } from "../../lib/detect/index";

function fail(msg: string, code = 1): never {
  process.stderr.write(`detect: ${msg}\n`);
  process.exit(code);
}

/** Parse argv (without node and script). Exported shape kept tiny on purpose. */
export function parseArgs(argv: string[]): { file: string; lang?: "ar" | "en"; date?: string } {
  let file: string | undefined, lang: "ar" | "en" | undefined, date: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--lang" || a.startsWith("--lang=")) {
      const v = a.includes("=") ? a.slice(7) : argv[++i];
      if (v !== "ar" && v !== "en") fail(`--lang must be "ar" or "en" (got ${JSON.stringify(v ?? "")})`, 2);
      lang = v;
    } else if (a === "--date" || a.startsWith("--date=")) {
      const v = a.includes("=") ? a.slice(7) : argv[++i];
      if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v)
        fail(`--date must be a valid calendar date YYYY-MM-DD (got ${JSON.stringify(v ?? "")})`, 2);
      date = v;
    } else if (a === "-h" || a === "--help") {
      process.stdout.write("usage: detect-cli <file> [--lang ar|en] [--date YYYY-MM-DD]\n");
      process.exit(0);
    } else if (a.startsWith("--")) fail(`unknown option ${a}`, 2);
    else if (file === undefined) file = a;
    else fail(`unexpected argument ${JSON.stringify(a)} (one file at a time)`, 2);
  }
  if (!file) fail("usage: detect-cli <file> [--lang ar|en] [--date YYYY-MM-DD]", 2);
  return { file, lang, date };
}

function main(): void {
  const { file, lang, date } = parseArgs(process.argv.slice(2));
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(code === "ENOENT" ? `file not found: ${file}` : code === "EISDIR" ? `is a directory: ${file}` : `cannot read ${file}: ${code ?? String(e)}`);
  }
  if (buf.length === 0) fail(`empty file: ${file}`);
  if (buf.includes(0)) fail(`binary content (NUL byte) in ${file}`);
  let text: string;
  try {
    // fatal: invalid UTF-8 is an error, not silently replaced; ignoreBOM keeps the BOM in the string.
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    fail(`invalid UTF-8 in ${file}`);
  }
  const out: string[] = [];
  for (const d of detectClaims(text, { lang, publishedAt: date })) out.push(JSON.stringify(d));
  process.stdout.write(out.length ? out.join("\n") + "\n" : "");
}

main();
