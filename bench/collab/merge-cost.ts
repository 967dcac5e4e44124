/**
 * What one fan-out turn costs with N single-edit updates from 10 writers:
 * `npx tsx bench/collab/merge-cost.ts` → bench/results/collab-merge-cost.json.
 * Compares one Y.mergeUpdates over the whole turn (the old Room.flushOutgoing), the bounded
 * merge the room uses now (at most 1,024 updates per turn, in chunks of 64: the figure is the
 * longest single turn), and Y.encodeStateAsUpdate from the turn's starting state vector.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as Y from "yjs";
import { mergeUpdatesBounded } from "../../lib/merge-updates";
import { MAX_UPDATES_PER_FLUSH } from "../../server/collab/room";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const writers = Array.from({ length: 10 }, () => new Y.Doc());
const server = new Y.Doc();
const turn: Uint8Array[] = [];
server.on("update", (u: Uint8Array) => turn.push(u));
let k = 0;
function edit(): Uint8Array {
  const w = writers[k++ % writers.length];
  const before = Y.encodeStateVector(w);
  const t = w.getText("t");
  t.insert(Math.floor((k * 7919) % (t.length + 1)), "ab");
  const u = Y.encodeStateAsUpdate(w, before);
  for (const o of writers) if (o !== w) Y.applyUpdate(o, u);
  return u;
}
for (let i = 0; i < 2000; i++) Y.applyUpdate(server, edit());
const rows = [];
for (const n of (process.env.MERGE_SIZES ?? "1000,4000,8000,16000").split(",").map(Number)) {
  turn.length = 0;
  const sv = Y.encodeStateVector(server);
  for (let i = 0; i < n; i++) Y.applyUpdate(server, edit());
  let t = performance.now();
  const one = Y.mergeUpdates(turn);
  const oneMs = performance.now() - t;
  let longestTurnMs = 0;
  let boundedBytes = 0;
  for (let i = 0; i < turn.length; i += MAX_UPDATES_PER_FLUSH) {
    t = performance.now();
    boundedBytes += mergeUpdatesBounded(turn.slice(i, i + MAX_UPDATES_PER_FLUSH)).byteLength;
    longestTurnMs = Math.max(longestTurnMs, performance.now() - t);
  }
  t = performance.now();
  const fromSv = Y.encodeStateAsUpdate(server, sv);
  const fromSvMs = performance.now() - t;
  const row = { updates: n, oneMergeMs: Math.round(oneMs), oneMergeBytes: one.byteLength, boundedLongestTurnMs: Math.round(longestTurnMs * 10) / 10, boundedTurns: Math.ceil(n / MAX_UPDATES_PER_FLUSH), boundedBytes, fromStateVectorMs: Math.round(fromSvMs * 10) / 10, fromStateVectorBytes: fromSv.byteLength };
  console.log(row);
  rows.push(row);
  // After every size: the one-call merge of the largest sizes can take minutes on a busy machine.
  mkdirSync(path.join(root, "bench/results"), { recursive: true });
  writeFileSync(path.join(root, "bench/results/collab-merge-cost.json"), JSON.stringify({ date: new Date().toISOString(), node: process.version, loadAvg: os.loadavg(), rows }, null, 2) + "\n");
}
