/**
 * Collaboration server bench: `cd /work/main && npx tsx bench/collab/bench.ts`.
 *
 * Our collab server (server/collab, started by startTestServer: real auth, SQLite persistence,
 * projection) side by side, in the same run, with a naive y-websocket relay written the way
 * the y-websocket reference server works (bench/collab/naive-relay.ts). Each server runs in
 * its own child process (bench/collab/server-child.ts) so CPU time and memory are per server;
 * this process is the client side only.
 *
 * A. Fan-out throughput: CLIENTS clients in one room, WRITERS of them real y-websocket
 *    WebsocketProviders (own Y.Doc) inserting 1–3 characters per edit on a fixed schedule, the
 *    others lightweight protocol clients (raw `ws`, sync handshake + awareness, no Y.Doc: each
 *    received update is only read for each client's end clock, see readUpdateEnds) so the
 *    client process can keep up. This process (all clients) is pinned to BENCH_CLIENT_CORE (0),
 *    the server children to BENCH_SERVER_CORE (1); a failed step is attributed to the server, the
 *    load generator ("client process saturated") or the machine (a main thread starved of CPU
 *    by other processes), and one per ramp not cut by the server is run again.
 *    Lag of an edit = time from the writer's insert to the moment the last of the other
 *    CLIENTS-1 clients has it (tracked by the writer's client id and clock). Offered load in
 *    steps; a step is sustained when ≤ 1 % of edits are undelivered after the drain, p99 ≤
 *    BENCH_P99_MS, the harness offered ≥ 95 % of the target and the server answered every IPC
 *    ping within BENCH_UNRESPONSIVE_MS. Stepping stops at the first failed step.
 * B. Memory per idle connection: IDLE raw protocol clients (sync handshake + one awareness
 *    state, as a y-websocket client sends) join one room in batches; server RSS / heap after
 *    a forced GC, before and after. They do not renew their awareness state: 1,000 renewals
 *    every 10-15 s in one room are ~100,000 frames/s of fan-out, which on a shared machine
 *    kept the raw relay from answering at all (no stats in 30 s) and measured nothing.
 *
 * Our server runs with the per-IP connection limit lifted (every client comes from 127.0.0.1)
 * and, for the throughput sweep, the per-connection message rate limit lifted too; a separate
 * probe runs our server with its production message limits at one step to show what they do.
 * Writes bench/results/collab-bench.json. Numbers only; no assertions.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { mulberry32 } from "../../server/test-support/article-doc";

process.setMaxListeners(200); // y-websocket adds a process "exit" listener per provider
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const env = (k: string, d: number) => (process.env[k] ? Number(process.env[k]) : d);

const P = {
  /** Load shapes: clients, writers, rooms, and the stepped ramp of offered edits/s (first step = the fixed-rate CPU measure). */
  shapes: [
    { name: "50c/1doc", clients: env("BENCH_CLIENTS", 50), writers: env("BENCH_WRITERS", 10), rooms: 1, rates: (process.env.BENCH_RATES ?? "100,800,1600,3200,6400,12800,19200,25600,32000,38400").split(",").map(Number) },
    { name: "200c/20doc", clients: 200, writers: 40, rooms: 20, rates: (process.env.BENCH_RATES_MULTI ?? "2000,4000,6000,8000,12000,16000,20000,24000,28000,32000,36000,40000,44000,48000,52000,56000,60000,64000").split(",").map(Number) },
  ].filter((x) => (process.env.BENCH_SHAPES ?? "50c/1doc,200c/20doc").split(",").includes(x.name)),
  rounds: env("BENCH_ROUNDS", 2),
  stepMs: env("BENCH_STEP_MS", 3_000),
  /** Before the first step: long enough for a room's one-time start (first projection and version, the writers' client-id bindings). */
  warmupMs: env("BENCH_WARMUP_MS", 4_000),
  /** The first step of each ramp is the fixed-rate measure (CPU per edit, p99): longer than a ramp step, as it is a ratio of small numbers. */
  fixedStepMs: env("BENCH_FIXED_STEP_MS", 10_000),
  drainTimeoutMs: env("BENCH_DRAIN_MS", 3_000),
  p99LimitMs: env("BENCH_P99_MS", 100),
  /** A server whose event loop does not answer a ping for this long fails its step as "unresponsive". */
  unresponsiveMs: env("BENCH_UNRESPONSIVE_MS", 1_000),
  idle: env("BENCH_IDLE", 1000),
  idleBatch: env("BENCH_IDLE_BATCH", 100),
  seed: env("BENCH_SEED", 42),
  budgetSec: env("BENCH_BUDGET_S", 1_500),
  /**
   * Fixed-rate pairs (`fixedPairs` in the JSON): after the rounds, per shape, Sanad and the raw relay
   * both running, this many back-to-back pairs of fixed-rate steps at the shape's first rate, the
   * order alternating; 0 skips it.
   */
  fixedPairs: env("BENCH_FIXED_PAIRS", 3),
  /** Per ramp, how many failed steps cut by the generator or the machine (not the server) are run again. */
  retries: env("BENCH_RETRIES", 1),
  servers: (process.env.BENCH_SERVERS ?? "naive,yws,hocus,ours").split(",") as Kind[],
  /** Server children pinned to this core (taskset). */
  serverCore: process.env.BENCH_SERVER_CORE ?? "1",
  /** This process (every client, the load generator) pinned to these cores (taskset), away from the server's; "" leaves it unpinned. */
  clientCore: process.env.BENCH_CLIENT_CORE ?? "0",
};
type Kind = "ours" | "naive" | "yws" | "hocus";
/**
 * This process is the overload scenario's quiet room (spawned by `quietRoomChild`): its own event
 * loop, so the quiet room's lag is the server's and not the saturated hot-room generator's.
 */
const QUIET_CHILD = process.argv.includes("--quiet-child");
/** Every bench client comes from 127.0.0.1 with one user's cookie: both connection budgets lifted. */
const LIFTED_IP = { connectionsPerIpPerMinute: 1_000_000, connectionsPerUserPerMinute: 1_000_000 };
const LIFTED_ALL = { ...LIFTED_IP, messagesPerSecond: 1_000_000, messageBurst: 1_000_000 };

const now = () => performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (x: number, d = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x);

// ---------------------------------------------------------------- server child processes

interface ChildStats { cpu: NodeJS.CpuUsage; mem: NodeJS.MemoryUsage; elu: { idle: number; active: number; utilization: number }; frames: number; bytes: number; delay: { p50: number; p99: number; max: number }; gc?: { totalMs: number; maxMs: number }; majorFaults?: number }
interface Server { kind: Kind; port: number; cookie: string | null; articleIds: string[]; serverUrl: string; protocol?: "hocuspocus"; proc: ChildProcess; req(cmd: "stats" | "gc" | "ping" | "close", timeoutMs?: number): Promise<ChildStats> }

const hasTaskset = (() => { try { return readFileSync("/usr/bin/taskset").length > 0; } catch { return false; } })();
/** Pin this process, all its threads (GC helpers included), to P.clientCore; the server children get their own core. */
const clientPinnedToOneCore = (() => {
  if (!hasTaskset || !P.clientCore) return false;
  try {
    execFileSync("taskset", ["-a", "-cp", P.clientCore, String(process.pid)], { stdio: "ignore" });
  } catch (e) {
    console.error(`bench: could not pin the clients to core ${P.clientCore} (${String(e)}); they run unpinned`);
    P.clientCore = "";
    return false;
  }
  return /^\d+$/.test(P.clientCore);
})();

/**
 * The V8 flags `npm start` runs Sanad with (package.json's start script, `node <flags> --import
 * tsx …`): Sanad is measured as it ships. The peers run with Node's defaults, as their own docs start them.
 */
const SHIPPED_NODE_FLAGS: string[] = (() => {
  const start = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;
  const m = /^node((?: --[\w-]+(?:=\S+)?)*) --import tsx /.exec(start);
  if (!m) throw new Error(`bench: package.json's start script is not "node [flags] --import tsx …": ${start}`);
  return m[1].split(" ").filter(Boolean);
})();

async function startChild(kind: Kind, limits: object = {}): Promise<Server> {
  const nodeArgs = ["--expose-gc", ...(kind === "ours" ? SHIPPED_NODE_FLAGS : []), ...(process.env.BENCH_CHILD_NODE_ARGS?.split(" ").filter(Boolean) ?? []), "--import", "tsx", path.join(here, "server-child.ts"), kind];
  const [cmd, args] = hasTaskset ? ["taskset", ["-c", P.serverCore, process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const proc = spawn(cmd, args, {
    cwd: root, stdio: ["ignore", "pipe", "inherit", "ipc"],
    env: { ...process.env, BENCH_LIMITS: JSON.stringify(limits), BENCH_ARTICLES: "22" },
  });
  const lines = createInterface({ input: proc.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${kind} server did not start in 60 s`)), 60_000);
    // The first JSON line; V8 diagnostics (BENCH_CHILD_NODE_ARGS="--log-deopt", …) may print before it.
    const onLine = (l: string) => {
      if (!l.startsWith("{")) return void console.log(`[${kind}] ${l}`);
      lines.off("line", onLine);
      clearTimeout(t);
      resolve(l);
    };
    lines.on("line", onLine);
    proc.once("exit", (code) => reject(new Error(`${kind} server exited (${code})`)));
  });
  lines.on("line", (l) => console.log(`[${kind}] ${l}`));
  const info = JSON.parse(first);
  let nextId = 1;
  const waiting = new Map<number, (v: ChildStats) => void>();
  proc.on("message", (m: { id: number } & ChildStats) => { waiting.get(m.id)?.(m); waiting.delete(m.id); });
  return {
    ...info, proc,
    req: (cmd, timeoutMs = 30_000) => new Promise<ChildStats>((resolve, reject) => {
      const id = nextId++;
      const t = setTimeout(() => { waiting.delete(id); reject(new Error(`${kind}: no answer to ${cmd} in ${timeoutMs} ms`)); }, timeoutMs);
      waiting.set(id, (v) => { clearTimeout(t); resolve(v); });
      proc.send({ id, cmd });
    }),
  };
}

async function stopChild(s: Server) {
  await s.req("close").catch(() => {});
  await new Promise<void>((resolve) => {
    if (s.proc.exitCode !== null) return resolve();
    const t = setTimeout(() => { s.proc.kill("SIGKILL"); resolve(); }, 5_000);
    s.proc.once("exit", () => { clearTimeout(t); resolve(); });
  });
}

/**
 * Linux scheduler counters of one thread (/proc/<pid>/schedstat: ns on a core, ns waiting in a
 * run queue for one): the main thread of a server child (its event loop) or of this process.
 * Waiting means another process had the core: on this shared 2-core machine, other jobs.
 */
function schedstat(pid: number | "thread-self"): { runNs: number; waitNs: number } | null {
  try {
    const [run, wait] = readFileSync(pid === "thread-self" ? "/proc/thread-self/schedstat" : `/proc/${pid}/schedstat`, "utf8").split(" ").map(Number);
    return { runNs: run, waitNs: wait };
  } catch { return null; }
}
/** System-wide CPU pressure: µs during which some runnable task waited for a core (/proc/pressure/cpu). */
function cpuPressureUs(): number | null {
  try { return Number(/some .*total=(\d+)/.exec(readFileSync("/proc/pressure/cpu", "utf8"))?.[1] ?? NaN); } catch { return null; }
}
const schedPct = (a: ReturnType<typeof schedstat>, b: ReturnType<typeof schedstat>, wallMs: number) =>
  a && b ? { onCpuPct: round(((b.runNs - a.runNs) / 1e6 / wallMs) * 100), runQueueWaitPct: round(((b.waitNs - a.waitNs) / 1e6 / wallMs) * 100) } : null;
/**
 * Starved by other processes: the main thread waited this share of a step for a core while the
 * whole process (its own GC and helper threads share the pinned core) used less than
 * STARVED_BELOW_CPU_PCT of it.
 */
const STARVED_WAIT_PCT = 25;
const STARVED_BELOW_CPU_PCT = 75;

const cpuMs = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user - a.user + b.system - a.system) / 1000;
const eluOf = (a: ChildStats["elu"], b: ChildStats["elu"]) => { const d = b.active - a.active + b.idle - a.idle; return d > 0 ? (b.active - a.active) / d : 0; };

// ---------------------------------------------------------------- lag bookkeeping

/** Edits of one writer, in clock order: send time, clock after the edit, how many clients have it. */
interface WriterLog { client: number; sendAt: number[]; clockEnd: number[]; seen: number[]; doneAt: number[] }
/** One room's edits: writers by Yjs client id, and how many clients must see an edit. */
interface Lag { logs: WriterLog[]; writerByClient: Map<number, number>; needed: number }
/** What one client has seen of each writer: highest clock, and the first edit it has not seen. */
interface Observer { lag: Lag; self: number; maxSeen: Float64Array; ptr: Int32Array; frames: number }

/** This client has every struct of `client` below `clock` (exclusive end, as Y.parseUpdateMeta's `to`). */
function observeClient(o: Observer, client: number, clock: number, t: number) {
  const lag = o.lag;
  const w = lag.writerByClient.get(client);
  if (w === undefined || w === o.self || clock <= o.maxSeen[w]) return;
  o.maxSeen[w] = clock;
  const log = lag.logs[w];
  let p = o.ptr[w];
  while (p < log.clockEnd.length && log.clockEnd[p] <= clock) {
    if (++log.seen[p] === lag.needed) log.doneAt[p] = t;
    p++;
  }
  o.ptr[w] = p;
}

/**
 * The readers' only decoding: for every client in a v1 update, the clock after its last struct
 * (what `Y.parseUpdateMeta(update).to` gives), read without building Items, a Map or closures
 * (tsx wraps every closure created in a hot loop with a naming call). Handles the structs the
 * bench's edits produce (GC, Skip, deleted and string content); anything else goes to
 * Y.parseUpdateMeta. Every CHECK_EVERY-th update is also parsed with Y.parseUpdateMeta and a
 * difference counted (`clients.metaMismatches` per step in the JSON).
 */
const ends = { n: 0, client: new Float64Array(64), clock: new Float64Array(64) };
let rBuf: Uint8Array = new Uint8Array(0);
let rPos = 0;
function rVarUint(): number {
  let n = 0;
  let mult = 1;
  for (;;) {
    if (rPos >= rBuf.length) throw new Error("unexpected end of update");
    const b = rBuf[rPos++];
    n += (b & 0x7f) * mult;
    if (b < 0x80) return n;
    mult *= 128;
  }
}
const textDecoder = new TextDecoder();
/** Fills `ends`; false when the update holds a struct this reader does not handle. */
function readUpdateEnds(update: Uint8Array): boolean {
  rBuf = update;
  rPos = 0;
  ends.n = 0;
  const clients = rVarUint();
  for (let i = 0; i < clients; i++) {
    const structs = rVarUint();
    const client = rVarUint();
    let clock = rVarUint();
    for (let j = 0; j < structs; j++) {
      if (rPos >= update.length) throw new Error("unexpected end of update");
      const info = update[rPos++];
      const content = info & 0b11111;
      if (info === 10 || content === 0) { clock += rVarUint(); continue; } // Skip, GC: a length
      if (info & 0b10000000) { rVarUint(); rVarUint(); } // origin
      if (info & 0b01000000) { rVarUint(); rVarUint(); } // right origin
      if ((info & 0b11000000) === 0) {
        if (rVarUint() === 1) { const n = rVarUint(); rPos += n; } // parent: a root type's name (not `rPos += rVarUint()`: that adds to the old rPos)
        else { rVarUint(); rVarUint(); } // parent: an item's id
        if (info & 0b00100000) { const n = rVarUint(); rPos += n; } // parentSub
      }
      if (content === 1) { clock += rVarUint(); continue; } // deleted: a length
      if (content !== 4) return false;
      const len = rVarUint(); // string: its length in UTF-16 code units
      const end = rPos + len;
      if (end > update.length) throw new Error("unexpected end of update");
      let ascii = true;
      for (let k = rPos; k < end; k++) if (update[k] > 0x7f) { ascii = false; break; }
      clock += ascii ? len : textDecoder.decode(update.subarray(rPos, end)).length;
      rPos = end;
    }
    if (structs > 0) {
      if (ends.n === ends.client.length) { const c = new Float64Array(ends.n * 2), k = new Float64Array(ends.n * 2); c.set(ends.client); k.set(ends.clock); ends.client = c; ends.clock = k; }
      ends.client[ends.n] = client;
      ends.clock[ends.n++] = clock;
    }
  }
  return true;
}
const CHECK_EVERY = 256;
const metaCheck = { updates: 0, checked: 0, mismatches: 0, fallbacks: 0 };
function observeUpdate(o: Observer, update: Uint8Array, t: number) {
  let ok: boolean;
  try { ok = readUpdateEnds(update); } catch { ok = false; }
  if (!ok) {
    metaCheck.fallbacks++;
    for (const [client, clock] of Y.parseUpdateMeta(update).to) observeClient(o, client, clock, t);
    return;
  }
  for (let i = 0; i < ends.n; i++) observeClient(o, ends.client[i], ends.clock[i], t);
  if (metaCheck.updates++ % CHECK_EVERY === 0) {
    metaCheck.checked++;
    const to = Y.parseUpdateMeta(update).to;
    let same = to.size === ends.n;
    for (let i = 0; same && i < ends.n; i++) same = to.get(ends.client[i]) === ends.clock[i];
    if (!same) metaCheck.mismatches++;
  }
}


// ---------------------------------------------------------------- clients

const EMPTY_SV = Y.encodeStateVector(new Y.Doc());
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());
function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}
const STEP1_BODY = frame((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 0); encoding.writeVarUint8Array(e, EMPTY_SV); });
const STEP2_EMPTY_BODY = frame((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 1); encoding.writeVarUint8Array(e, EMPTY_UPDATE); });
function awarenessBody(clientId: number, clock: number, state: object): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, frame((a) => { encoding.writeVarUint(a, 1); encoding.writeVarUint(a, clientId); encoding.writeVarUint(a, clock); encoding.writeVarString(a, JSON.stringify(state)); }));
  });
}

/**
 * Wire dialects: y-websocket (room in the URL) and Hocuspocus (document name before every
 * message, an auth message first). The message bodies are the same y-protocols bytes.
 */
function dialect(s: Server, room: string) {
  if (s.protocol !== "hocuspocus") {
    return { url: `${s.serverUrl}/${room}`, wrap: (body: Uint8Array) => body, first: [] as Uint8Array[], unwrap: (d: decoding.Decoder) => d };
  }
  const wrap = (body: Uint8Array) => frame((e) => { encoding.writeVarString(e, room); encoding.writeUint8Array(e, body); });
  // MessageType.Auth (2), AuthMessageType.Token (0), empty token: what HocuspocusProvider sends first.
  const auth = wrap(frame((e) => { encoding.writeVarUint(e, 2); encoding.writeVarUint(e, 0); encoding.writeVarString(e, ""); }));
  return { url: s.serverUrl, wrap, first: [auth], unwrap: (d: decoding.Decoder) => { decoding.readVarString(d); return d; } };
}

/**
 * A lightweight protocol client: sends sync step 1 (empty state vector) and its awareness
 * state on open, answers the server's step 1 with an empty step 2, and only parses the updates
 * it receives (no Y.Doc). `synced` once the server's step 2 arrived.
 */
function rawClient(s: Server, room: string, o: Observer | null, name: string, renewAwareness = true) {
  const dia = dialect(s, room);
  const ws = new WebSocket(dia.url, s.cookie ? { headers: { cookie: s.cookie } } : {});
  const STEP1 = dia.wrap(STEP1_BODY);
  const STEP2_EMPTY = dia.wrap(STEP2_EMPTY_BODY);
  const awarenessFrame = (id: number, c: number, state: object) => dia.wrap(awarenessBody(id, c, state));
  const clientId = Math.floor(Math.random() * 2 ** 31);
  let clock = 0;
  let synced = false;
  let closeCode = 0;
  let renew: NodeJS.Timeout | null = null;
  const ready = new Promise<void>((resolve, reject) => {
    ws.on("open", () => {
      for (const f of dia.first) ws.send(f);
      ws.send(STEP1);
      ws.send(awarenessFrame(clientId, ++clock, { user: { name, colour: "#336699" } }));
      // y-websocket renews its awareness state every 15 s; servers drop states older than 30 s
      if (renewAwareness) renew = setInterval(() => { if (ws.readyState === ws.OPEN) ws.send(awarenessFrame(clientId, ++clock, { user: { name, colour: "#336699" } })); }, 10_000);
    });
    ws.on("error", reject);
    ws.on("close", (code) => { closeCode = code; if (renew) clearInterval(renew); reject(new Error(`closed ${code}`)); });
    ws.on("message", (data: Buffer) => {
      const t = now();
      if (o) o.frames++;
      const d = dia.unwrap(decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
      if (decoding.readVarUint(d) !== 0) return; // awareness, decisions, auth, sync status: not tracked
      const sub = decoding.readVarUint(d);
      if (sub === 0) { ws.send(STEP2_EMPTY); return; }
      const update = decoding.readVarUint8Array(d);
      if (o) observeUpdate(o, update, t);
      if (sub === 1 && !synced) { synced = true; resolve(); }
    });
  });
  ready.catch(() => {});
  const sendUpdate = (update: Uint8Array) => {
    if (ws.readyState === ws.OPEN) ws.send(dia.wrap(frame((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 2); encoding.writeVarUint8Array(e, update); })));
  };
  return { ws, ready, clientId, synced: () => synced, closeCode: () => closeCode, sendUpdate, close: () => { if (renew) clearInterval(renew); ws.terminate(); } };
}

/** What the ramp needs of a writer: type `str` (one update), the clock after it, and its life. */
interface Writer {
  clientId: number;
  /** A step begins: a provider writer moves its cursor to `r` (0..1) of the text; a raw one types on after its last character. */
  beginStep(r: number): void;
  /** Types `str` at the writer's cursor (one transaction, one update); returns its clock after. */
  type(str: string): number;
  closes: Array<{ code: number; at: number }>;
  synced(): boolean;
  connected(): boolean;
  destroy(): void;
}

/**
 * A raw protocol writer (BENCH_WRITER=raw, the default): a raw client that sends, for each edit,
 * the y-protocols update a Y.Doc would send for typing 1–3 characters right after its own last
 * character — an Item with string content, its left origin that character (the first one at the
 * start of the text "t"), encoded by hand (Yjs update v1) — without a Y.Doc. The servers get the
 * same kind of frame as from a provider (one update of one insertion per edit) and integrate it
 * the same way; the generator no longer pays for a Y.Doc per writer applying every other writer's
 * edits, which made one client process the ceiling of the ramps (ELU 0.94–0.99 at 12,800–16,000/s).
 * BENCH_WRITER=provider uses y-websocket's / Hocuspocus's real providers instead.
 */
function rawWriterClient(s: Server, room: string, o: Observer, name: string): Writer & { ready: Promise<void> } {
  const c = rawClient(s, room, o, name);
  let clock = 0;
  const closes: Array<{ code: number; at: number }> = [];
  c.ws.on("close", (code) => closes.push({ code, at: now() }));
  return {
    clientId: c.clientId,
    ready: c.ready,
    beginStep() {},
    type(str: string) {
      const update = frame((e) => {
        encoding.writeVarUint(e, 1); // one client
        encoding.writeVarUint(e, 1); // one struct
        encoding.writeVarUint(e, c.clientId);
        encoding.writeVarUint(e, clock);
        if (clock === 0) {
          encoding.writeUint8(e, 4); // Item, no origins, ContentString; parent: a root type by name
          encoding.writeVarUint(e, 1);
          encoding.writeVarString(e, "t");
        } else {
          encoding.writeUint8(e, 0b10000000 | 4); // Item with a left origin, ContentString
          encoding.writeVarUint(e, c.clientId);
          encoding.writeVarUint(e, clock - 1);
        }
        encoding.writeVarString(e, str);
        encoding.writeVarUint(e, 0); // empty delete set
      });
      clock += str.length; // ASCII: one clock per character
      c.sendUpdate(update);
      return clock;
    },
    closes,
    synced: c.synced,
    connected: () => c.ws.readyState === c.ws.OPEN,
    destroy: c.close,
  };
}

/**
 * A real client (own Y.Doc) that writes: y-websocket's WebsocketProvider, or HocuspocusProvider
 * against Hocuspocus. It observes the other writers' edits (every update not made locally).
 */
function writerClient(s: Server, room: string, o: Observer) {
  const doc = new Y.Doc();
  const cookie = s.cookie;
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
      // Closing a provider whose socket is still connecting (an unresponsive server at the end of an
      // overload step) emits "error"; the providers see it through onclose, it must not end the run.
      this.on("error", () => {});
    }
  }
  const closes: Array<{ code: number; at: number }> = [];
  let synced: () => boolean, connected: () => boolean, destroy: () => void;
  if (s.protocol === "hocuspocus") {
    const socket = new HocuspocusProviderWebsocket({ url: s.serverUrl, WebSocketPolyfill: WebSocket });
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: room, document: doc });
    provider.attach();
    provider.setAwarenessField("user", { name: `writer-${doc.clientID}`, colour: "#aa3355" });
    provider.on("close", (e: { event: CloseEvent }) => { closes.push({ code: e.event.code, at: now() }); });
    synced = () => provider.isSynced;
    connected = () => provider.isSynced;
    destroy = () => { provider.destroy(); socket.destroy(); };
  } else {
    const provider = new WebsocketProvider(s.serverUrl, room, doc, {
      WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket, disableBc: true, maxBackoffTime: 500,
    });
    provider.messageHandlers[100] = () => {}; // our server's decisions message
    provider.awareness.setLocalState({ user: { name: `writer-${doc.clientID}`, colour: "#aa3355" } });
    provider.on("connection-close", (e: CloseEvent | null) => { if (e) closes.push({ code: e.code, at: now() }); });
    synced = () => provider.synced;
    connected = () => provider.wsconnected;
    destroy = () => provider.destroy();
  }
  // Remote changes (applied by the provider, origin set): the transaction's state after is what
  // Y.parseUpdateMeta(update).to gives for the update it emits, without decoding that update again.
  doc.on("afterTransaction", (tr: Y.Transaction) => {
    if (tr.origin === null || tr.origin === undefined) return;
    const t = now();
    let changed = false;
    for (const [client, clock] of tr.afterState) {
      if (clock > (tr.beforeState.get(client) ?? 0)) { changed = true; observeClient(o, client, clock, t); }
    }
    if (changed) o.frames++;
  });
  const text = doc.getText("t");
  let cursor = 0;
  const writer: Writer = {
    clientId: doc.clientID,
    beginStep(r: number) { cursor = Math.floor(r * (text.length + 1)); },
    type(str: string) {
      const at = Math.min(cursor, text.length);
      text.insert(at, str); // one transaction: one update frame
      cursor = at + str.length;
      return Y.getState(doc.store, doc.clientID);
    },
    closes, synced, connected,
    destroy: () => { destroy(); doc.destroy(); },
  };
  return Object.assign(writer, { text });
}
const WRITER_KIND = process.env.BENCH_WRITER === "provider" ? "provider" : "raw";

// ---------------------------------------------------------------- scenario A

function pct(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const benchStart = Date.now();
const elapsedSec = () => (Date.now() - benchStart) / 1000;
/** Seconds kept free at the end of the budget for scenario C (overload) and writing results. */
const RESERVE_SEC = 30 + (process.env.BENCH_OVERLOAD === "0" ? 0 : 50 * (process.env.BENCH_SERVERS ?? "naive,yws,hocus,ours").split(",").length)
  + (P.servers.includes("ours") && P.servers.includes("naive") ? P.shapes.length * (30 + P.fixedPairs * 2 * (P.fixedStepMs + 2_000) / 1000) : 0);
type Shape = (typeof P.shapes)[number];

/** A shape's clients connected to one server: `rooms` rooms, clients and writers spread evenly. */
async function roomsUnderLoad(s: Server, shape: Shape, firstRoom = 2) {
  const label = s.kind;
  const perRoom = Math.floor(shape.clients / shape.rooms);
  const writersPerRoom = Math.max(1, Math.floor(shape.writers / shape.rooms));
  const lags: Lag[] = [];
  const observers: Observer[] = [];
  const writers: Array<Writer & { lag: Lag; w: number }> = [];
  const raws: ReturnType<typeof rawClient>[] = [];
  const t0 = now();
  for (let r = 0; r < shape.rooms; r++) {
    const room = s.articleIds[firstRoom + r];
    const lag: Lag = { logs: [], writerByClient: new Map(), needed: perRoom - 1 };
    lags.push(lag);
    const mkObs = (self: number): Observer => ({ lag, self, maxSeen: new Float64Array(writersPerRoom), ptr: new Int32Array(writersPerRoom), frames: 0 });
    for (let w = 0; w < writersPerRoom; w++) {
      const o = mkObs(w);
      observers.push(o);
      const c: Writer & { ready?: Promise<void> } = WRITER_KIND === "raw" ? rawWriterClient(s, room, o, `writer-${r}-${w}`) : writerClient(s, room, o);
      writers.push(Object.assign(c, { lag, w }));
      lag.logs.push({ client: c.clientId, sendAt: [], clockEnd: [], seen: [], doneAt: [] });
      lag.writerByClient.set(c.clientId, w);
    }
    for (let i = writersPerRoom; i < perRoom; i++) {
      const o = mkObs(-1);
      observers.push(o);
      raws.push(rawClient(s, room, o, `reader-${r}-${i}`));
    }
  }
  await Promise.all(raws.map((r) => r.ready));
  while (!writers.every((w) => w.synced())) {
    if (now() - t0 > 30_000) throw new Error(`${label}: writers did not sync`);
    await sleep(10);
  }
  const connectMs = now() - t0;
  const rng = mulberry32(P.seed);
  const chars = "abcdefghijklmnopqrstuvwxyz";
  const stepStarts: number[] = [];

  /** Offer `rate` edits/s for `stepMs` (spread over all writers), wait for the drain, measure. */
  async function step(rate: number, stepMs: number) {
    const allLogs = writers.map((w) => w.lag.logs[w.w]);
    const s0 = QUIET_CHILD ? null : await s.req("stats", 5_000).catch(() => null);
    const c0 = process.cpuUsage();
    const e0 = performance.eventLoopUtilization();
    const f0 = observers.reduce((n, o) => n + o.frames, 0);
    const m0 = { ...metaCheck };
    const ss0 = s.proc.pid ? schedstat(s.proc.pid) : null, cs0 = schedstat("thread-self"), psi0 = cpuPressureUs();
    const first = allLogs.map((l) => l.sendAt.length);
    const perWriter = rate / writers.length;
    const sent = new Array(writers.length).fill(0);
    for (const wr of writers) wr.beginStep(rng());
    // Liveness: the server's event loop answers a ping every 200 ms; the longest wait is recorded.
    let maxPingMs = 0;
    let pinging = !QUIET_CHILD; // the quiet-room child has no channel to the server; the parent pings
    const pinger = (async () => {
      while (pinging) {
        const t = now();
        const ok = await s.req("ping", 30_000).then(() => true, () => false);
        maxPingMs = Math.max(maxPingMs, ok ? now() - t : Infinity);
        if (!ok) break;
        await sleep(200);
      }
    })();
    let maxSlipMs = 0;
    const start = now();
    stepStarts.push(start);
    await new Promise<void>((resolve) => {
      let lastTick = start;
      const timer = setInterval(() => {
        const t = now();
        maxSlipMs = Math.max(maxSlipMs, t - lastTick);
        lastTick = t;
        const elapsed = Math.min(t - start, stepMs);
        for (let w = 0; w < writers.length; w++) {
          const due = Math.floor((elapsed / 1000) * perWriter + w / writers.length);
          const wr = writers[w];
          const log = allLogs[w];
          while (sent[w] < due) {
            const n = 1 + Math.floor(rng() * 3);
            let str = "";
            for (let k = 0; k < n; k++) str += chars[Math.floor(rng() * 26)];
            log.sendAt.push(now());
            log.clockEnd.push(wr.type(str));
            log.seen.push(0);
            log.doneAt.push(NaN);
            sent[w]++;
          }
        }
        if (t - start >= stepMs) { clearInterval(timer); resolve(); }
      }, 2);
    });
    const sendEnd = now();
    // Per writer, the first edit of this step not yet seen by all; it only moves forward.
    const undone = [...first];
    const pending = () => allLogs.some((l, w) => { let i = undone[w]; while (i < l.doneAt.length && !Number.isNaN(l.doneAt[i])) i++; undone[w] = i; return i < l.doneAt.length; });
    while (pending() && now() - sendEnd < P.drainTimeoutMs) await sleep(10);
    const drainMs = now() - sendEnd;
    pinging = false;
    await pinger;
    const end = now();
    const s1 = QUIET_CHILD ? null : await s.req("stats", 5_000).catch(() => null);
    const c1 = process.cpuUsage();
    const e1 = performance.eventLoopUtilization(e0);
    const f1 = observers.reduce((n, o) => n + o.frames, 0);
    const ss1 = s.proc.pid ? schedstat(s.proc.pid) : null, cs1 = schedstat("thread-self"), psi1 = cpuPressureUs();

    // Every edit's lag once, into the step's list, its room's (each room's p99), and the longest
    // per 250 ms of sends: to tell a tail in one room from a time when every room was late.
    const lagsMs: number[] = [];
    const roomLags: number[][] = lags.map(() => []);
    const timeline: number[] = [];
    let edits = 0, undelivered = 0, deliveredInWindow = 0;
    allLogs.forEach((l, w) => {
      const room = roomLags[lags.indexOf(writers[w].lag)];
      for (let i = first[w]; i < l.sendAt.length; i++) {
        edits++;
        const done = !Number.isNaN(l.doneAt[i]);
        const v = done ? l.doneAt[i] - l.sendAt[i] : Infinity;
        if (!done) undelivered++;
        else if (l.doneAt[i] <= start + stepMs) deliveredInWindow++;
        lagsMs.push(v);
        room.push(v);
        const b = Math.floor((l.sendAt[i] - start) / 250);
        timeline[b] = Math.max(timeline[b] ?? 0, v);
      }
    });
    lagsMs.sort((a, b) => a - b);
    const roomP99 = roomLags.map((xs) => round(pct(xs.sort((a, b) => a - b), 99)));
    const wall = end - start;
    const serverCpu = s0 && s1 ? cpuMs(s0.cpu, s1.cpu) : NaN;
    const clientCpu = cpuMs(c0, c1);
    const achieved = edits / (stepMs / 1000);
    const unresponsive = QUIET_CHILD ? false : !s1 || maxPingMs > P.unresponsiveMs;
    const row = {
      offered: rate,
      offeredAchieved: round(achieved),
      edits,
      deliveredPerSec: round(deliveredInWindow / (stepMs / 1000)),
      undelivered,
      lagMs: { p50: round(pct(lagsMs, 50)), p95: round(pct(lagsMs, 95)), p99: round(pct(lagsMs, 99)), max: round(lagsMs[lagsMs.length - 1]) },
      drainMs: round(drainMs),
      maxPingMs: round(maxPingMs),
      server: s0 && s1 ? {
        cpuMs: round(serverCpu), cpuPct: round((serverCpu / wall) * 100), cpuUsPerEdit: round((serverCpu * 1000) / Math.max(1, edits)),
        elu: round(eluOf(s0.elu, s1.elu), 3),
        eventLoopDelayMs: { p99: round(s1.delay.p99), max: round(s1.delay.max) },
        // The main thread's GC pauses in the step (total, longest), and major page faults (the
        // process waiting for the disk): what a latency tail was made of, or not.
        gcPauseMs: s0.gc && s1.gc ? { total: round(s1.gc.totalMs - s0.gc.totalMs), max: round(s1.gc.maxMs) } : null,
        majorFaults: s0.majorFaults !== undefined && s1.majorFaults !== undefined ? s1.majorFaults - s0.majorFaults : null,
        framesSent: s1.frames - s0.frames, framesPerEdit: round((s1.frames - s0.frames) / Math.max(1, edits), 2),
        bytesSent: s1.bytes - s0.bytes, rssMB: round(s1.mem.rss / 2 ** 20), heapUsedMB: round(s1.mem.heapUsed / 2 ** 20),
        mainThread: schedPct(ss0, ss1, wall),
      } : null,
      clients: {
        framesReceived: f1 - f0, cpuPct: round((clientCpu / wall) * 100), cpuUsPerEdit: round((clientCpu * 1000) / Math.max(1, edits)), elu: round(e1.utilization, 3), maxTimerSlipMs: round(maxSlipMs),
        metaChecked: metaCheck.checked - m0.checked, metaMismatches: metaCheck.mismatches - m0.mismatches, metaFallbacks: metaCheck.fallbacks - m0.fallbacks,
        mainThread: schedPct(cs0, cs1, wall),
      },
      /** Share of the step during which some runnable task on the machine waited for a core. */
      machineCpuPressurePct: psi0 !== null && psi1 !== null ? round(((psi1 - psi0) / 1000 / wall) * 100) : null,
      loadAvg: os.loadavg().map((x) => round(x, 2)),
      sustained: false,
      limitedBy: "",
      /** Who cut a failed step: the load generator (client process saturated), the machine (a main thread starved of CPU), else the server. */
      cutBy: null as "server" | "generator" | "machine" | null,
      /** Each room's p99 lag, and the longest lag of the edits sent in each 250 ms of the step. */
      lagWhere: { roomP99: roomP99, maxPer250ms: timeline.map((x) => round(x ?? 0)) },
    };
    row.sustained = !unresponsive && undelivered <= 0.01 * edits && row.lagMs.p99 <= P.p99LimitMs && achieved >= 0.95 * rate;
    const why: string[] = [];
    if (!row.sustained) {
      if (unresponsive) why.push(`unresponsive (no answer for ${round(maxPingMs)} ms)`);
      if (achieved < 0.95 * rate) why.push("harness could not offer the load");
      if (row.server && row.server.elu > 0.9) why.push("server event loop saturated");
      // The generator, not the server: its event loop busy > 90 % of the step, or (pinned to one
      // core) its CPU time > 90 % of that core.
      if (row.clients.elu > 0.9 || (clientPinnedToOneCore && row.clients.cpuPct > 90)) why.push("client process saturated");
      // Starved: the main thread (server's event loop, or the clients') spent this much of the step
      // waiting for a core that another process held. Not the server's limit either.
      const sw = row.server?.mainThread?.runQueueWaitPct ?? 0, cw = row.clients.mainThread?.runQueueWaitPct ?? 0;
      if (sw > STARVED_WAIT_PCT && (row.server?.cpuPct ?? 0) < STARVED_BELOW_CPU_PCT) why.push(`server starved of CPU (waited ${sw} % of the step for a core)`);
      if (cw > STARVED_WAIT_PCT && row.clients.cpuPct < STARVED_BELOW_CPU_PCT) why.push(`client process starved of CPU (waited ${cw} % of the step for a core)`);
      if (undelivered > 0.01 * edits) why.push(`${undelivered} edits never arrived`);
      if (!why.length) why.push("latency");
    }
    row.limitedBy = why.join("; ");
    if (!row.sustained) row.cutBy = why.some((x) => x.startsWith("client process saturated")) ? "generator" : why.some((x) => x.includes("starved of CPU")) ? "machine" : "server";
    return row;
  }

  function close() {
    const closes = writers.flatMap((w) => w.closes);
    const summary = {
      connectMs: round(connectMs),
      writerCloseCodes: closes.reduce<Record<string, number>>((m, c) => ({ ...m, [c.code]: (m[c.code] ?? 0) + 1 }), {}),
      writersConnectedAtEnd: writers.filter((w) => w.connected()).length,
    };
    for (const w of writers) w.destroy();
    for (const r of raws) r.close();
    return summary;
  }
  return { step, close, label };
}

type StepRow = Awaited<ReturnType<Awaited<ReturnType<typeof roomsUnderLoad>>["step"]>>;
const line = (label: string, r: StepRow) => {
  console.log(`  ${label.padEnd(6)} ${String(r.offered).padStart(5)}/s: delivered ${r.deliveredPerSec}/s, lag p50 ${r.lagMs.p50} p99 ${r.lagMs.p99} ms, ping max ${r.maxPingMs} ms, server cpu ${r.server?.cpuPct}% ${r.server?.cpuUsPerEdit} us/edit, rss ${r.server?.rssMB} MB, gc ${r.server?.gcPauseMs?.total ?? "?"}/${r.server?.gcPauseMs?.max ?? "?"} ms, majflt ${r.server?.majorFaults ?? "?"}, client elu ${r.clients.elu} cpu ${r.clients.cpuPct}%, run-queue wait server/clients ${r.server?.mainThread?.runQueueWaitPct}/${r.clients.mainThread?.runQueueWaitPct}%, load ${r.loadAvg[0]}${r.sustained ? "" : `  NOT SUSTAINED (${r.limitedBy}; cut by ${r.cutBy})`}`);
  if (!r.sustained) console.log(`         room p99 ${r.lagWhere.roomP99.join(" ")}; max lag per 250 ms ${r.lagWhere.maxPer250ms.join(" ")}`);
};

/**
 * One shape on one server: a fresh child pinned to its core, the stepped ramp until the first
 * step that is not sustained (that step is kept: for Sanad it is the overload step, where the
 * ping shows whether the server still answers), then a low step to see it recover.
 */
async function rampOne(kind: Kind, shape: Shape, start: (k: Kind) => Promise<Server>) {
  const s = await start(kind);
  const room = await roomsUnderLoad(s, shape);
  await sleep(300);
  await room.step(shape.rates[0], P.warmupMs);
  const steps: StepRow[] = [];
  /** Failed steps run again: one per ramp, when the generator or the machine cut it, not the server. */
  const retried: StepRow[] = [];
  let recovery: StepRow | null = null;
  for (const [i, rate] of shape.rates.entries()) {
    const stepMs = i === 0 ? P.fixedStepMs : P.stepMs;
    if (elapsedSec() + (stepMs + P.drainTimeoutMs) / 1000 + 2 > P.budgetSec - RESERVE_SEC) { console.log(`  ${kind} ${rate}/s: skipped (time budget)`); break; }
    let row = await room.step(rate, stepMs);
    line(kind, row);
    const timeForRetry = elapsedSec() + (2_000 + P.stepMs + P.drainTimeoutMs) / 1000 + 2 <= P.budgetSec - RESERVE_SEC;
    if (!row.sustained && row.cutBy !== "server" && retried.length < P.retries && timeForRetry) {
      retried.push(row);
      await sleep(2000);
      row = await room.step(rate, stepMs);
      line(`${kind} (again)`, row);
    }
    steps.push(row);
    await sleep(300);
    // BENCH_FULL_RAMP=1 keeps stepping past a failed step (the overload check: does it still answer?).
    if (!row.sustained && !(process.env.BENCH_FULL_RAMP && row !== undefined && rate !== shape.rates[shape.rates.length - 1])) {
      if (!row.limitedBy.startsWith("unresponsive")) {
        await sleep(2000);
        recovery = await room.step(shape.rates[0], P.stepMs);
        console.log(`  ${kind} recovery at ${shape.rates[0]}/s: p99 ${recovery.lagMs.p99} ms, ${recovery.sustained ? "sustained" : recovery.limitedBy}`);
      }
      break;
    }
  }
  const ok = steps.filter((x) => x.sustained);
  const summary = {
    ...room.close(), steps, recovery, retried,
    maxSustained: ok.length ? Math.max(...ok.map((x) => x.offered)) : 0,
    /** What stopped the ramp: "server", or "generator"/"machine" (then maxSustained is only a lower bound for the server); null if no step failed. */
    rampCutBy: steps.find((x) => !x.sustained)?.cutBy ?? null,
    cpuUsPerEditAtFirstStep: steps[0]?.server?.cpuUsPerEdit ?? null,
    p99AtFirstStep: steps[0]?.lagMs.p99 ?? null,
    peakRssMB: Math.max(0, ...steps.map((x) => x.server?.rssMB ?? 0)),
  };
  await stopChild(s);
  return summary;
}

// ---------------------------------------------------------------- fixed-rate pairs

/**
 * The fixed-rate goals (CPU per edit and p99 against the raw relay) from back-to-back pairs.
 * In the rounds each server's fixed-rate step is the first of its ramp, in a child started
 * seconds before, minutes apart from the relay's: on this shared machine the peers' own numbers
 * moved by 40 % between two runs an hour apart, as much as any ratio. Here both servers run at
 * once (the idle one's clients stay connected, sending only their awareness renewals), both are
 * warmed up, then `P.fixedPairs` pairs of steps at the shape's first rate go back to back, the
 * order alternating, and each pair gives one ratio; the median and every pair are kept.
 */
async function scenarioFixedPairs(shape: Shape, start: (k: Kind) => Promise<Server>) {
  const rate = shape.rates[0];
  const kinds: Kind[] = ["ours", "naive"];
  const servers: Partial<Record<Kind, Server>> = {};
  const rooms: Partial<Record<Kind, Awaited<ReturnType<typeof roomsUnderLoad>>>> = {};
  try {
    for (const k of kinds) {
      servers[k] = await start(k);
      rooms[k] = await roomsUnderLoad(servers[k]!, shape);
    }
    await sleep(300);
    for (const k of kinds) await rooms[k]!.step(rate, 2 * P.warmupMs);
    const pairs: Array<{ order: string; ours: StepRow; naive: StepRow; cpuRatio: number; p99Ratio: number }> = [];
    for (let i = 0; i < P.fixedPairs; i++) {
      const order = i % 2 === 0 ? kinds : [...kinds].reverse();
      const rows: Partial<Record<Kind, StepRow>> = {};
      for (const k of order) {
        await sleep(300);
        rows[k] = await rooms[k]!.step(rate, P.fixedStepMs);
        line(`${k} (pair ${i + 1})`, rows[k]!);
      }
      const o = rows.ours!, n = rows.naive!;
      pairs.push({
        order: order.join(","), ours: o, naive: n,
        cpuRatio: round((o.server?.cpuUsPerEdit ?? NaN) / (n.server?.cpuUsPerEdit ?? NaN), 2),
        p99Ratio: round(o.lagMs.p99 / n.lagMs.p99, 2),
      });
    }
    const median = (xs: number[]) => { const v = [...xs].sort((a, b) => a - b); return v.length % 2 ? v[(v.length - 1) / 2] : round((v[v.length / 2 - 1] + v[v.length / 2]) / 2, 2); };
    const result = {
      rate, pairs: pairs.length,
      cpuRatio: { median: median(pairs.map((p) => p.cpuRatio)), each: pairs.map((p) => p.cpuRatio) },
      p99Ratio: { median: median(pairs.map((p) => p.p99Ratio)), each: pairs.map((p) => p.p99Ratio) },
      steps: pairs,
    };
    console.log(`  fixed-rate pairs ${shape.name} at ${rate}/s: CPU per edit ours ÷ relay ${result.cpuRatio.each.join(", ")} (median ${result.cpuRatio.median}); p99 ÷ relay ${result.p99Ratio.each.join(", ")} (median ${result.p99Ratio.median})`);
    return result;
  } finally {
    for (const k of kinds) rooms[k]?.close();
    for (const k of kinds) if (servers[k]) await stopChild(servers[k]!);
  }
}

// ---------------------------------------------------------------- scenario C (overload)

/**
 * HTTP liveness during a step: GET `path` every 200 ms (ours: /healthz, which also queries the
 * database; the peers answer any HTTP request), the longest answer recorded; a request that
 * gets no answer within 10 s counts as 10 s and fails.
 */
function httpProbe(s: Pick<Server, "kind" | "port">) {
  const path_ = s.kind === "ours" ? "/healthz" : "/";
  const times: number[] = [];
  let failures = 0;
  let on = true;
  const one = () => new Promise<number>((resolve) => {
    const t = now();
    const req = http.get({ host: "127.0.0.1", port: s.port, path: path_, agent: false, timeout: 10_000 }, (res) => {
      res.resume();
      res.on("end", () => { if (res.statusCode !== 200 && s.kind === "ours") failures++; resolve(now() - t); });
    });
    req.on("timeout", () => { req.destroy(); failures++; resolve(10_000); });
    req.on("error", () => { failures++; resolve(now() - t); });
  });
  const done = (async () => { while (on) { times.push(await one()); await sleep(200); } })();
  return async () => {
    on = false;
    await done;
    const sorted = [...times].sort((a, b) => a - b);
    return { path: path_, requests: times.length, failures, p50Ms: round(pct(sorted, 50)), maxMs: round(sorted[sorted.length - 1] ?? NaN) };
  };
}

/**
 * The overload goal: one room of 50 clients offered 2x the server's own max sustained rate
 * (from the 50c/1doc ramps of this run) while a second, quiet room (10 clients, 2 writers,
 * QUIET_RATE edits/s) carries on and /healthz is polled. Then the load drops to the first
 * ramp rate and the hot room must recover. The quiet room's p99 alone is measured first.
 */
const QUIET = { name: "quiet", clients: 10, writers: 2, rooms: 1, rates: [20] };
type HealthRow = Awaited<ReturnType<ReturnType<typeof httpProbe>>>;
type QuietRow = ReturnType<typeof brief> & { health: HealthRow };
const brief = (r: StepRow) => ({ offered: r.offered, offeredAchieved: r.offeredAchieved, deliveredPerSec: r.deliveredPerSec, undelivered: r.undelivered, lagMs: r.lagMs, maxPingMs: r.maxPingMs, sustained: r.sustained, limitedBy: r.limitedBy, serverCpuPct: r.server?.cpuPct ?? null, rssMB: r.server?.rssMB ?? null, serverLoopDelayMaxMs: r.server?.eventLoopDelayMs.max ?? null, clientElu: r.clients.elu, loadAvg: r.loadAvg });

/**
 * The quiet room in a process of its own (this file with --quiet-child), pinned like the other
 * clients. In the hot room's process its lag was mostly that process's own queue: the hot room's
 * generator saturates its event loop at 2x a server's max sustained rate, so the quiet room's p99
 * measured the generator, not the server.
 */
async function quietRoomChild(s: Server) {
  const info = { kind: s.kind, port: s.port, cookie: s.cookie, articleIds: s.articleIds, serverUrl: s.serverUrl, protocol: s.protocol };
  const proc = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--quiet-child"], {
    cwd: root, stdio: ["ignore", "inherit", "inherit", "ipc"], env: { ...process.env, BENCH_QUIET_SERVER: JSON.stringify(info) },
  });
  let nextId = 1;
  const waiting = new Map<number, { resolve: (r: QuietRow) => void; reject: (e: Error) => void }>();
  const ready = new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("quiet-room child did not connect in 60 s")), 60_000);
    proc.on("message", (m: { ready?: true; error?: string; id?: number; row?: QuietRow }) => {
      if (m.ready) { clearTimeout(t); resolve(); return; }
      if (m.error && m.id === undefined) { clearTimeout(t); reject(new Error(m.error)); return; }
      const w = m.id !== undefined ? waiting.get(m.id) : undefined;
      if (!w) return;
      waiting.delete(m.id!);
      if (m.row) w.resolve(m.row); else w.reject(new Error(m.error ?? "quiet-room step failed"));
    });
    proc.once("exit", (code) => { clearTimeout(t); reject(new Error(`quiet-room child exited (${code})`)); for (const w of waiting.values()) w.reject(new Error("quiet-room child exited")); });
  });
  await ready;
  return {
    step(rate: number, stepMs: number) {
      const id = nextId++;
      return new Promise<QuietRow>((resolve, reject) => { waiting.set(id, { resolve, reject }); proc.send({ id, rate, stepMs }); });
    },
    close() { if (proc.exitCode === null) proc.kill("SIGTERM"); },
  };
}

/** Entry of the quiet-room child: connect the room, then run the steps the parent asks for. */
async function quietChildMain() {
  const info = JSON.parse(process.env.BENCH_QUIET_SERVER ?? "{}") as Omit<Server, "proc" | "req">;
  const stub: Server = {
    ...info,
    proc: { pid: undefined } as unknown as ChildProcess,
    req: () => Promise.reject(new Error("the quiet-room child has no channel to the server")),
  };
  const quiet = await roomsUnderLoad(stub, QUIET as Shape, 3);
  process.on("message", (m: { id: number; rate: number; stepMs: number }) => {
    // The HTTP probe runs here too, beside the quiet room: in the hot room's process it measured
    // that process's own event loop, saturated at 2x a server's max (a 1.6 s "health" answer
    // while the server's event loop never stood still more than 70 ms).
    const probe = httpProbe(info);
    quiet.step(m.rate, m.stepMs).then(async (row) => process.send!({ id: m.id, row: { ...brief(row), health: await probe() } }), (e) => process.send!({ id: m.id, error: String(e) }));
  });
  process.on("disconnect", () => { quiet.close(); process.exit(0); });
  process.send!({ ready: true });
}

async function scenarioOverload(kind: Kind, hotRate: number, start: (k: Kind) => Promise<Server>) {
  const s = await start(kind);
  try {
    const hotShape = P.shapes.find((x) => x.name === "50c/1doc") ?? P.shapes[0];
    const hot = await roomsUnderLoad(s, { ...hotShape, rooms: 1 }, 2);
    const quiet = await quietRoomChild(s);
    try {
      await sleep(300);
      await Promise.all([hot.step(hotShape.rates[0], P.warmupMs), quiet.step(QUIET.rates[0], P.warmupMs)]);
      // The HTTP probe runs in the quiet room's process, during each of its steps (quietChildMain).
      const quietAlone = await quiet.step(QUIET.rates[0], P.stepMs);
      const healthAlone = quietAlone.health;
      const [hotRow, quietRow] = await Promise.all([hot.step(hotRate, P.stepMs), quiet.step(QUIET.rates[0], P.stepMs)]);
      const healthOverload = quietRow.health;
      await sleep(2000);
      const [recHot, recQuiet] = await Promise.all([hot.step(hotShape.rates[0], P.stepMs), quiet.step(QUIET.rates[0], P.stepMs)]);
      const healthRecovery = recQuiet.health;
      const result = {
        hotRate,
        quietRoom: "own process (pinned with the other clients), which also runs the HTTP probe",
        quietAlone, healthAlone,
        overload: { hot: brief(hotRow), quiet: quietRow, health: healthOverload },
        recovery: { hot: brief(recHot), quiet: recQuiet, health: healthRecovery },
      };
      console.log(`  overload ${kind} hot ${hotRate}/s: health max ${healthOverload.maxMs} ms (${healthOverload.failures} failed), quiet p99 ${quietAlone.lagMs.p99} -> ${quietRow.lagMs.p99} ms, hot delivered ${hotRow.deliveredPerSec}/s; recovery hot p99 ${recHot.lagMs.p99} ms ${recHot.sustained ? "sustained" : recHot.limitedBy}, load ${hotRow.loadAvg[0]}`);
      return result;
    } finally {
      hot.close();
      quiet.close();
    }
  } finally {
    await stopChild(s);
  }
}

// ---------------------------------------------------------------- scenario B

async function scenarioB(s: Server) {
  const room = s.articleIds[1];
  const warm = rawClient(s, room, null, "warm-up");
  await warm.ready;
  await sleep(300);
  const before = await s.req("gc");
  const clients: ReturnType<typeof rawClient>[] = [];
  const t0 = now();
  let failed = 0;
  for (let i = 0; i < P.idle; i += P.idleBatch) {
    const batch = Array.from({ length: Math.min(P.idleBatch, P.idle - i) }, (_, k) => rawClient(s, room, null, `idle-${i + k}`, false));
    clients.push(...batch);
    // A connection that neither syncs nor closes within 20 s counts as failed (an overwhelmed
    // server must not hang the run).
    const results = await Promise.allSettled(batch.map((c) => Promise.race([c.ready, sleep(20_000).then(() => { throw new Error("no sync in 20 s"); })])));
    failed += results.filter((r) => r.status === "rejected").length;
  }
  const connectMs = now() - t0;
  await sleep(1500); // let the awareness fan-out settle
  const open = clients.filter((c) => c.ws.readyState === WebSocket.OPEN).length;
  const after = await s.req("gc");
  const n = open;
  const per = (k: keyof NodeJS.MemoryUsage) => round((after.mem[k] - before.mem[k]) / Math.max(1, n) / 1024, 2);
  const result = {
    connections: n, failed,
    closeCodes: clients.filter((c) => c.closeCode()).reduce<Record<string, number>>((m, c) => ({ ...m, [c.closeCode()]: (m[c.closeCode()] ?? 0) + 1 }), {}),
    connectMs: round(connectMs), connectPerSec: round((P.idle / connectMs) * 1000),
    serverCpuMsForJoins: round(cpuMs(before.cpu, after.cpu)),
    framesSentDuringJoins: after.frames - before.frames,
    bytesSentDuringJoins: after.bytes - before.bytes,
    before: { rssMB: round(before.mem.rss / 2 ** 20), heapUsedMB: round(before.mem.heapUsed / 2 ** 20), externalMB: round(before.mem.external / 2 ** 20) },
    after: { rssMB: round(after.mem.rss / 2 ** 20), heapUsedMB: round(after.mem.heapUsed / 2 ** 20), externalMB: round(after.mem.external / 2 ** 20) },
    perConnectionKB: { rss: per("rss"), heapUsed: per("heapUsed"), external: per("external"), arrayBuffers: per("arrayBuffers") },
  };
  console.log(`  idle ${s.kind}: ${n} open (${failed} failed) in ${result.connectMs} ms; rss ${result.before.rssMB} -> ${result.after.rssMB} MB = ${result.perConnectionKB.rss} KB/conn, heap ${result.perConnectionKB.heapUsed} KB/conn`);
  for (const c of clients) c.close();
  warm.close();
  return result;
}

// ---------------------------------------------------------------- main

async function main() {
  const hardStop = setTimeout(() => { console.error(`bench: hard time limit (${P.budgetSec + 60} s) reached; partial results are in bench/results/collab-bench.json`); process.exit(2); }, (P.budgetSec + 60) * 1000);
  hardStop.unref();
  const children: Server[] = [];
  process.on("exit", () => { for (const c of children) if (c.proc.exitCode === null) c.proc.kill("SIGKILL"); });
  const start = async (kind: Kind, limits: object) => { const s = await startChild(kind, kind === "ours" ? limits : {}); children.push(s); return s; };
  const load0 = os.loadavg();

  const rounds: Array<Record<string, Record<string, Awaited<ReturnType<typeof rampOne>>>>> = [];
  const B: Record<string, unknown> = {};
  const C: Record<string, unknown> = {};
  const D: Record<string, unknown> = {};
  /** Written after every ramp, so a run cut short still leaves what it measured. */
  const save = (complete: boolean) => {
    const ratios = rounds.map((round_) => Object.fromEntries(Object.entries(round_).map(([shape, bySrv]) => {
      const ours = bySrv.ours;
      return [shape, Object.fromEntries(Object.entries(bySrv).filter(([k]) => k !== "ours").map(([k, v]) => [k, ours ? {
        maxSustained: v.maxSustained ? round(ours.maxSustained / v.maxSustained, 2) : null,
        cpuPerEdit: v.cpuUsPerEditAtFirstStep && ours.cpuUsPerEditAtFirstStep ? round(ours.cpuUsPerEditAtFirstStep / v.cpuUsPerEditAtFirstStep, 2) : null,
        p99: v.p99AtFirstStep && ours.p99AtFirstStep ? round(ours.p99AtFirstStep / v.p99AtFirstStep, 2) : null,
      } : null]))];
    })));
    const cpu = os.cpus();
    const out = {
      bench: "collab",
      complete,
      date: new Date().toISOString(),
      machine: { cpu: cpu[0]?.model, cores: cpu.length, totalMemMB: Math.round(os.totalmem() / 2 ** 20), os: `${os.type()} ${os.release()}`, node: process.version, loadAvgBefore: load0.map((x) => round(x, 2)), loadAvgNow: os.loadavg().map((x) => round(x, 2)) },
      parameters: {
        ...P, servers: P.servers, pinned: hasTaskset ? `servers on core ${P.serverCore}, the clients (this process) on ${P.clientCore ? `core ${P.clientCore}` : "any core"} (taskset)` : "not pinned (no taskset)",
        oursLimits: LIFTED_ALL, oursStore: { flushMs: 50 }, oursDatabase: "sqlite (startTestServer: real auth, persistence, projection)",
        peers: { naive: "bench/collab/naive-relay.ts", yws: "@y/websocket-server 0.1.1 setupWSConnection", hocus: "@hocuspocus/server 4 Server, no extensions" },
        editSize: "1-3 chars typed at a per-writer cursor, one transaction (= one update) per edit",
        writers: WRITER_KIND === "raw"
          ? "raw protocol writers (BENCH_WRITER=raw): each edit is the update a Y.Doc sends for typing after its own last character, encoded by hand, no Y.Doc in the generator"
          : "real providers (BENCH_WRITER=provider): y-websocket WebsocketProvider / HocuspocusProvider with their own Y.Doc",
        sustainedWhen: `p99 lag <= ${P.p99LimitMs} ms, <= 1% undelivered within ${P.drainTimeoutMs} ms, >= 95% of target offered, the server answered a ping within ${P.unresponsiveMs} ms all through`,
        overload: "scenario C: one 50-client room offered 2x the server's own lowest max sustained 50c/1doc rate of this run (the first ramp rate if none), beside a quiet room (10 clients, 2 writers, 20 edits/s) whose p99 is also measured alone; HTTP probe every 200 ms (ours /healthz with its database query, peers any path); then the first ramp rate again (recovery)",
        lagNull: "null lag percentiles (JSON has no Infinity) mean some edits never arrived within the drain timeout",
      },
      rounds, ratios, fixedPairs: D, idle: B, overload: C, runtimeSec: round(elapsedSec()),
    };
    mkdirSync(path.join(root, "bench/results"), { recursive: true });
    writeFileSync(path.resolve(root, process.env.BENCH_OUT ?? "bench/results/collab-bench.json"), JSON.stringify(out, null, 2) + "\n");
    return out;
  };
  // Idle connections first: a few seconds per server, and never cut by a long ramp.
  for (const kind of P.idle > 0 ? P.servers : []) {
    console.log(`scenario B (idle connections), ${kind}`);
    const s = await start(kind, LIFTED_IP);
    B[kind] = await scenarioB(s).catch((e) => ({ error: String(e) }));
    save(false);
    await stopChild(s);
  }

  for (let r = 0; r < P.rounds; r++) {
    const order = r % 2 === 0 ? P.servers : [...P.servers].reverse();
    const round_: Record<string, Record<string, Awaited<ReturnType<typeof rampOne>>>> = {};
    for (const shape of P.shapes) {
      round_[shape.name] = {};
      console.log(`round ${r + 1}, ${shape.name} (${shape.clients} clients, ${shape.writers} writers, ${shape.rooms} rooms), order ${order.join(", ")}, load ${os.loadavg()[0].toFixed(2)}`);
      for (const kind of order) {
        try {
          round_[shape.name][kind] = await rampOne(kind, shape, (k) => start(k, LIFTED_ALL));
          if (!rounds.includes(round_)) rounds.push(round_);
          save(false);
        } catch (e) {
          console.log(`  ${kind}: ${String(e)}`);
          for (const c of children) if (c.proc.exitCode === null) c.proc.kill("SIGKILL");
        }
      }
    }
    if (!rounds.includes(round_)) rounds.push(round_);
  }

  if (P.fixedPairs > 0 && P.servers.includes("ours") && P.servers.includes("naive")) {
    for (const shape of P.shapes) {
      console.log(`fixed-rate pairs, ${shape.name} at ${shape.rates[0]}/s: ours and the relay back to back, ${P.fixedPairs} pairs`);
      D[shape.name] = await scenarioFixedPairs(shape, (k) => start(k, LIFTED_ALL)).catch((e) => ({ error: String(e) }));
      save(false);
    }
  }

  if (process.env.BENCH_OVERLOAD !== "0") {
    // Each server at 2x its own max sustained rate in one room of this run (the lowest over the
    // rounds; the first ramp rate when it sustained none).
    const oneRoom = P.shapes.find((x) => x.name === "50c/1doc") ?? P.shapes[0];
    for (const kind of P.servers) {
      if (elapsedSec() > P.budgetSec - 25) { console.log(`overload ${kind}: skipped (time budget)`); continue; }
      const maxes = rounds.map((r) => r[oneRoom.name]?.[kind]?.maxSustained).filter((x): x is number => typeof x === "number");
      // BENCH_OVERLOAD_BASE overrides the base (short runs that skip the ramps' upper steps).
      const base = process.env.BENCH_OVERLOAD_BASE ? Number(process.env.BENCH_OVERLOAD_BASE) : maxes.length ? Math.max(oneRoom.rates[0], Math.min(...maxes)) : oneRoom.rates[0];
      console.log(`scenario C (overload: one room at 2x max sustained ${base}/s, a quiet room, /healthz), ${kind}`);
      C[kind] = await scenarioOverload(kind, 2 * base, (k) => start(k, LIFTED_ALL)).catch((e) => ({ error: String(e) }));
      save(false);
    }
  }

  const out = save(true);
  printTable(out);
  console.log(`wrote ${process.env.BENCH_OUT ?? "bench/results/collab-bench.json"} (${out.runtimeSec} s)`);
  process.exit(0);
}

function printTable(out: { rounds: Array<Record<string, Record<string, Awaited<ReturnType<typeof rampOne>>>>>; fixedPairs: Record<string, unknown>; idle: Record<string, unknown>; overload: Record<string, unknown> }) {
  console.log("\nround  shape        server  maxSustained  us/edit@first  p99@first  peakRSS  overload step (ping max ms)");
  out.rounds.forEach((round_, i) => {
    for (const [shape, bySrv] of Object.entries(round_)) {
      for (const [k, v] of Object.entries(bySrv)) {
        const last = v.steps[v.steps.length - 1];
        const over = last && !last.sustained ? `${last.offered}/s, cut by ${last.cutBy}: ${last.limitedBy} (${last.maxPingMs})` : "none reached";
        console.log(`${String(i + 1).padEnd(6)} ${shape.padEnd(12)} ${k.padEnd(7)} ${String(v.maxSustained).padStart(12)} ${String(v.cpuUsPerEditAtFirstStep).padStart(14)} ${String(v.p99AtFirstStep).padStart(10)} ${String(v.peakRssMB).padStart(8)}  ${over}`);
      }
    }
  });
  console.log("\nfixed-rate pairs: shape  rate  CPU/edit ours÷relay (median; each pair)  p99 ours÷relay (median; each pair)");
  for (const [name, r] of Object.entries(out.fixedPairs) as Array<[string, Awaited<ReturnType<typeof scenarioFixedPairs>>]>) {
    if (!r.cpuRatio) { console.log(`${name.padEnd(12)} ${JSON.stringify(r)}`); continue; }
    console.log(`${name.padEnd(12)} ${String(r.rate).padStart(5)}  ${r.cpuRatio.median} (${r.cpuRatio.each.join(", ")})  ${r.p99Ratio.median} (${r.p99Ratio.each.join(", ")})`);
  }
  console.log("\noverload: server  hot rate  hot delivered/s  health max ms  quiet p99 alone -> during  recovery p99");
  for (const [name, r] of Object.entries(out.overload) as Array<[string, Awaited<ReturnType<typeof scenarioOverload>>]>) {
    if (!r.overload) { console.log(`${name.padEnd(8)} ${JSON.stringify(r)}`); continue; }
    console.log(`${name.padEnd(8)} ${String(r.hotRate).padStart(8)} ${String(r.overload.hot.deliveredPerSec).padStart(16)} ${String(r.overload.health.maxMs).padStart(14)} ${String(r.quietAlone.lagMs.p99).padStart(16)} -> ${String(r.overload.quiet.lagMs.p99).padStart(6)}  ${r.recovery.hot.lagMs.p99}`);
  }
  console.log("\nidle connections: server  open  connect ms  KB/conn heap  KB/conn rss");
  for (const [name, r] of Object.entries(out.idle) as Array<[string, { connections?: number; connectMs?: number; perConnectionKB?: { rss: number; heapUsed: number } }]>) {
    console.log(`${name.padEnd(8)} ${String(r.connections).padStart(5)} ${String(r.connectMs).padStart(11)} ${String(r.perConnectionKB?.heapUsed).padStart(13)} ${String(r.perConnectionKB?.rss).padStart(12)}`);
  }
}

if (QUIET_CHILD) quietChildMain().catch((e) => { process.send?.({ error: String(e) }); console.error(e); process.exit(1); });
else main().catch((e) => { console.error(e); process.exit(1); });
