/**
 * Upgrade authentication bench: `npx tsx bench/upgrade-auth/bench.ts`.
 *
 * How long CONNECTIONS WebSocket upgrades take to open (session cookie checked, article found,
 * room joined) when USERS users connect to one already loaded room, CONCURRENCY at a time.
 * Runs the server in this process on a fresh SQLite database with the connection limits lifted
 * (every client is 127.0.0.1). Measures the server as it is; run it on another commit to compare.
 * BENCH_LABEL names the run in bench/results/upgrade-auth.json (runs are appended).
 * Numbers only; no assertions.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";
import { createArticle, createTestDatabase, createUser, startTestServer, type TestUser } from "../../server/test-support/harness";

const here = path.dirname(fileURLToPath(import.meta.url));
const env = (k: string, d: number) => (process.env[k] ? Number(process.env[k]) : d);
const P = { connections: env("BENCH_CONNECTIONS", 1000), users: env("BENCH_USERS", 50), concurrency: env("BENCH_CONCURRENCY", 50), rounds: env("BENCH_ROUNDS", 3) };

function open(port: number, articleId: string, cookie: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/collab/${articleId}`, { headers: { cookie } });
    ws.once("open", () => resolve(ws));
    ws.once("error", reject);
    ws.once("close", (code) => reject(new Error(`closed ${code}`)));
  });
}

async function main() {
  const database = await createTestDatabase("sqlite");
  const unlimited = { connectionsPerIpPerMinute: 1e9, connectionsPerUserPerMinute: 1e9, roomIdleMs: 60_000 };
  const server = await startTestServer(database.url, { collab: { limits: unlimited as never } });
  try {
    const users: TestUser[] = [];
    for (let i = 0; i < P.users; i++) users.push(await createUser(server.db, "editor", `bench-${i}`));
    const articleId = (await createArticle(server.db)).id;
    const keeper = await open(server.port, articleId, users[0].cookie); // the room stays loaded
    const rounds: Array<{ ms: number; perUpgradeUs: number }> = [];
    for (let r = 0; r < P.rounds; r++) {
      const sockets: WebSocket[] = [];
      const t0 = performance.now();
      let next = 0;
      await Promise.all(Array.from({ length: P.concurrency }, async () => {
        while (next < P.connections) {
          const i = next++;
          sockets.push(await open(server.port, articleId, users[i % users.length].cookie));
        }
      }));
      const ms = performance.now() - t0;
      rounds.push({ ms: Math.round(ms), perUpgradeUs: Math.round((ms * 1000) / P.connections) });
      console.log(`round ${r + 1}: ${P.connections} upgrades in ${Math.round(ms)} ms`);
      for (const s of sockets) s.terminate();
      await new Promise((res) => setTimeout(res, 300));
    }
    keeper.close();
    const sorted = [...rounds].sort((a, b) => a.ms - b.ms);
    const result = {
      label: process.env.BENCH_LABEL ?? "current",
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version, load1: os.loadavg()[0] },
      params: P,
      rounds,
      medianMs: sorted[Math.floor(sorted.length / 2)].ms,
    };
    const out = path.join(here, "../results/upgrade-auth.json");
    mkdirSync(path.dirname(out), { recursive: true });
    const runs = existsSync(out) ? (JSON.parse(readFileSync(out, "utf8")) as unknown[]) : [];
    writeFileSync(out, JSON.stringify([...runs, result], null, 2) + "\n");
    console.log(JSON.stringify(result));
  } finally {
    await server.close();
    await database.drop();
  }
}

await main();
