/**
 * Document-store append bench: `npx tsx bench/store-append/bench.ts`.
 *
 * CPU per log row written by DocStore on SQLite (WAL, the app's own client and migrations):
 * the direct better-sqlite3 prepared statement on Prisma's connection (the default) against the
 * Prisma `$executeRaw` INSERT (`sqliteDirect: false`, the path before). Each row is what a
 * 50 ms flush of a typing room writes: ROW_UPDATES small updates merged. The two paths run in
 * alternating rounds in one process. Writes bench/results/store-append.json. Numbers only.
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import * as Y from "yjs";
import { createDb } from "../../server/db/client";
import { migrate } from "../../server/db/migrate";
import { DocStore } from "../../server/persistence/doc-store";
import { createArticle, createTestDatabase } from "../../server/test-support/harness";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const env = (k: string, d: number) => (process.env[k] ? Number(process.env[k]) : d);
const P = { rows: env("BENCH_ROWS", 2000), rowUpdates: env("BENCH_ROW_UPDATES", 5), rounds: env("BENCH_ROUNDS", 4) };

function updates(n: number): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => out.push(u));
  for (let i = 0; i < n; i++) doc.getText("t").insert(doc.getText("t").length, String.fromCharCode(97 + (i % 26)));
  return out;
}

async function main() {
  const database = await createTestDatabase("sqlite");
  const db = createDb(database.url);
  await migrate(db, "sqlite");
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  const articleId = (await createArticle(db)).id;
  const all = updates(P.rows * P.rowUpdates);
  const results: Array<{ path: string; round: number; rows: number; cpuUsPerRow: number; wallUsPerRow: number }> = [];
  for (let round = 0; round < P.rounds; round++) {
    for (const direct of round % 2 === 0 ? [true, false] : [false, true]) {
      const store = new DocStore(db, { flushMs: 1e9, flushBytes: 1e12, compactEvery: 1e9, sqliteDirect: direct });
      await store.load(articleId);
      const cpu = process.cpuUsage();
      const t = performance.now();
      for (let r = 0; r < P.rows; r++) {
        for (let k = 0; k < P.rowUpdates; k++) store.append(articleId, all[r * P.rowUpdates + k]);
        await store.flush(articleId);
      }
      const used = process.cpuUsage(cpu);
      const row = { path: direct ? "better-sqlite3 prepared statement" : "Prisma $executeRaw", round: round + 1, rows: P.rows, cpuUsPerRow: Math.round(((used.user + used.system) / P.rows) * 10) / 10, wallUsPerRow: Math.round(((performance.now() - t) * 1000 / P.rows) * 10) / 10 };
      results.push(row);
      console.log(`round ${row.round} ${row.path.padEnd(34)} ${String(row.cpuUsPerRow).padStart(7)} µs CPU/row ${String(row.wallUsPerRow).padStart(7)} µs wall/row`);
      await db.docUpdate.deleteMany({ where: { articleId } });
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const summary = Object.fromEntries(["better-sqlite3 prepared statement", "Prisma $executeRaw"].map((p) => [p, median(results.filter((r) => r.path === p).map((r) => r.cpuUsPerRow))]));
  console.log("median CPU µs per row:", summary);
  const out = { date: new Date().toISOString(), loadAvg: os.loadavg().map((x) => Math.round(x * 100) / 100), node: process.version, params: P, medianCpuUsPerRow: summary, results };
  writeFileSync(path.join(root, process.env.BENCH_OUT ?? "bench/results/store-append.json"), JSON.stringify(out, null, 2) + "\n");
  await db.$disconnect();
  await database.drop();
}

void main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
