/**
 * Workspace load and typing latency in headless Chromium (not part of the test suite).
 *   npx tsx bench/workspace-load/bench.ts       (needs a build: `npx next build`, or run `npm start` once)
 * Writes bench/results/workspace-load.json. Times are medians of repeated runs on this machine;
 * the baseline in the same run is the same article with no claims (load) and a quiet room (typing).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import * as Y from "yjs";
import { addClaim, getRationaleText } from "../../lib/article-doc";
import { parseArticleText } from "../../lib/article-text";
import { DocStore } from "../../server/persistence/doc-store";
import { projectFromStore } from "../../server/persistence/projection";
import { startServer } from "../../server/main";
import { connectClient, createUser } from "../../server/test-support/harness";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PORT = Number(process.env.BENCH_PORT ?? 3310);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? "0,10,500,2000").split(",").map(Number);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sanad-bench-"));
  process.env.NEXTAUTH_SECRET ||= "bench-secret-0123456789abcdef";
  const server = await startServer({ port: PORT, host: "127.0.0.1", databaseUrl: `file:${path.join(dir, "bench.db")}`, seedDemo: true, quiet: true });
  process.env.NEXTAUTH_URL = `http://localhost:${PORT}`;
  const db = server.db;
  const seed = parseArticleText(readFileSync(path.join(ROOT, "seeds/000_ar_qatar_turkey_libya.txt"), "utf8"), { header: true });
  // A longer article (the seed three times) so 2,000 claims are not all stacked on each other.
  const body = [seed.body, seed.body, seed.body].join("\n");
  const blocks = parseArticleText(`t\no\n${body}`, { header: true }).blocks;
  const editor = await db.user.findUniqueOrThrow({ where: { email: "editor@sanad.local" } });
  const articles: Record<number, string> = {};
  for (const n of SIZES) {
    const a = await db.article.create({ data: { slug: `bench-${n}`, title: `Bench ${n} claims`, body, blocks: blocks as never, language: "ar", direction: "rtl" } });
    const doc = new Y.Doc();
    let seedState = 1;
    const rand = () => ((seedState = (seedState * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < n; i++) {
      const start = Math.floor(rand() * (body.length - 60));
      const id = addClaim(doc, body, { type: (["date", "number", "quote", "entity", "other"] as const)[i % 5], start, end: start + 5 + Math.floor(rand() * 40) }, { id: editor.id, name: "Bench" });
      getRationaleText(doc, id).insert(0, `rationale ${i}`);
    }
    const store = new DocStore(db);
    store.append(a.id, Y.encodeStateAsUpdate(doc));
    await store.flush(a.id);
    await projectFromStore(db, a.id);
    articles[n] = a.id;
  }

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
  const context = await browser.newContext({ baseURL: `http://localhost:${PORT}`, viewport: { width: 1400, height: 900 } });
  const { csrfToken } = await (await context.request.get("/api/auth/csrf")).json();
  await context.request.post("/api/auth/callback/credentials", { form: { csrfToken, email: "editor@sanad.local", password: "sanad-demo", json: "true" } });

  const load: Record<string, { medianMs: number; runsMs: number[] }> = {};
  for (const n of SIZES) {
    const runs: number[] = [];
    for (let r = 0; r < RUNS + 1; r++) {
      const page = await context.newPage();
      const t0 = Date.now();
      await page.goto(`/articles/${articles[n]}`, { waitUntil: "commit" });
      await page.waitForFunction((n) => {
        const count = document.querySelector("[data-testid=claim-count]")?.textContent ?? "";
        const state = document.querySelector("[data-testid=connection-state]")?.getAttribute("data-state");
        return state === "connected" && count.trim() === String(n) && document.querySelectorAll("[data-testid=claim-card]").length === Math.min(n, 100);
      }, n, { timeout: 120_000, polling: 10 });
      const ms = Date.now() - t0;
      if (r > 0) runs.push(ms); // first run warms caches (server room load, JIT)
      await page.close();
    }
    load[`${n} claims`] = { medianMs: median(runs), runsMs: runs };
    console.log(`load ${n} claims: median ${median(runs)} ms (${runs.join(", ")})`);
  }

  async function typingLatency(page: Page, busy: boolean) {
    const other = await createUser(db, "editor");
    const remote = connectClient(server, articles[10], other.cookie);
    await remote.synced();
    await page.goto(`/articles/${articles[10]}`);
    await page.waitForSelector("[data-testid=connection-state][data-state=connected]");
    const cards = page.locator("[data-testid=claim-card]");
    await cards.first().click();
    const box = page.locator("[data-testid=claim-card][data-focused=true] [data-testid=rationale]");
    await box.click();
    await page.evaluate(() => {
      const el = document.querySelector<HTMLTextAreaElement>("[data-focused=true] [data-testid=rationale]")!;
      const w = window as unknown as { __lat: number[]; __down: number };
      w.__lat = [];
      (w as unknown as { __long: number[] }).__long = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) (w as unknown as { __long: number[] }).__long.push(Math.round(e.duration)); }).observe({ type: "longtask", buffered: false });
      // beforeinput, not keydown: non-ASCII characters are typed as text input with no keydown.
      el.addEventListener("beforeinput", () => { w.__down = performance.now(); });
      el.addEventListener("input", () => requestAnimationFrame(() => w.__lat.push(performance.now() - w.__down)));
    });
    // The other person types into another claim's rationale at ~30 edits/s meanwhile.
    const claimIds = [...remote.doc.getMap("claims").keys()];
    let timer: NodeJS.Timeout | null = null;
    if (busy) {
      let i = 0;
      timer = setInterval(() => getRationaleText(remote.doc, claimIds[claimIds.length - 1]).insert(0, String(i++ % 10)), 33);
    }
    await page.keyboard.type("typing latency check while a colleague edits — اختبار ", { delay: 40 });
    if (timer) clearInterval(timer);
    const lat = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
    const longTasks = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    remote.destroy();
    return { longTasksMs: longTasks, samples: lat.length, p50Ms: +pct(lat, 50).toFixed(1), p95Ms: +pct(lat, 95).toFixed(1), maxMs: +Math.max(...lat).toFixed(1) };
  }
  const page = await context.newPage();
  const quiet = await typingLatency(page, false);
  const busy = await typingLatency(page, true);
  console.log("typing latency quiet room:", quiet, "with a colleague editing:", busy);

  const result = {
    bench: "workspace-load",
    date: new Date().toISOString(),
    machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version },
    method: "Time from navigation to: connected, claim count shown, first page of cards rendered (headless Chromium, production build, SQLite). Median of runs after one warm-up. Typing: beforeinput to the next animation frame after the input event (Yjs update applied, React state settled).",
    load,
    typing: { quietRoom: quiet, colleagueEditingAt30PerSecond: busy },
  };
  mkdirSync(path.join(ROOT, "bench/results"), { recursive: true });
  writeFileSync(path.join(ROOT, "bench/results/workspace-load.json"), JSON.stringify(result, null, 2) + "\n");
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
