import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** What the collab server reports; rooms and relays call these, never prom-client itself. */
export interface CollabMetrics {
  /** A document update accepted from a client. */
  editIn(): void;
  /** One fan-out: `updates` merged into one frame of `bytes`, sent to `sockets` sockets in `seconds`. */
  fanout(updates: number, sockets: number, bytes: number, seconds: number): void;
  /** A socket closed because it stopped reading (4508). */
  slowConsumer(): void;
  /** A store write or compaction failed. */
  storeError(): void;
  /** A message to or from another process through the relay. */
  relayMessage(direction: "in" | "out"): void;
}

/** A sink that drops everything (tests, benches without metrics). */
export const NO_METRICS: CollabMetrics = { editIn() {}, fanout() {}, slowConsumer() {}, storeError() {}, relayMessage() {} };

/**
 * Prometheus metrics of one server (its own registry, so several servers in one process — the
 * integration tests — do not collide). `gauges` reads connections and rooms at scrape time.
 */
export function createMetrics(gauges: { connections: () => number; rooms: () => number }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "sanad_" }); // includes event-loop lag, GC, heap
  new Gauge({ name: "sanad_collab_connections", help: "Open collaboration sockets", registers: [registry], collect() { this.set(gauges.connections()); } });
  new Gauge({ name: "sanad_collab_rooms", help: "Loaded rooms (documents)", registers: [registry], collect() { this.set(gauges.rooms()); } });
  const editsIn = new Counter({ name: "sanad_collab_edits_in_total", help: "Document updates accepted from clients (rate() = edits in per second)", registers: [registry] });
  const editsOut = new Counter({ name: "sanad_collab_edits_out_total", help: "Document updates fanned out, counted once per update (rate() = edits out per second)", registers: [registry] });
  const frames = new Counter({ name: "sanad_collab_fanout_frames_total", help: "Update frames sent to sockets", registers: [registry] });
  const bytes = new Counter({ name: "sanad_collab_fanout_bytes_total", help: "Bytes of update frames sent to sockets", registers: [registry] });
  const batch = new Histogram({ name: "sanad_collab_merge_batch_updates", help: "Updates merged into one fan-out frame", buckets: [1, 2, 4, 8, 16, 64, 256, 1024], registers: [registry] });
  const flush = new Histogram({ name: "sanad_collab_flush_seconds", help: "Time to merge, encode and send one fan-out", buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1], registers: [registry] });
  const slow = new Counter({ name: "sanad_collab_slow_consumers_total", help: "Sockets closed with 4508 because they stopped reading", registers: [registry] });
  const storeErrors = new Counter({ name: "sanad_store_errors_total", help: "Failed document store writes and compactions (each retry counts)", registers: [registry] });
  const relay = new Counter({ name: "sanad_relay_messages_total", help: "Relay messages between processes", labelNames: ["direction"], registers: [registry] });
  const collab: CollabMetrics = {
    editIn: () => editsIn.inc(),
    fanout(updates, sockets, size, seconds) {
      editsOut.inc(updates);
      frames.inc(sockets);
      bytes.inc(size * sockets);
      batch.observe(updates);
      flush.observe(seconds);
    },
    slowConsumer: () => slow.inc(),
    storeError: () => storeErrors.inc(),
    relayMessage: (direction) => relay.inc({ direction }),
  };
  return { registry, collab };
}
export type Metrics = ReturnType<typeof createMetrics>;

/**
 * Who may read /metrics: with SANAD_METRICS_TOKEN set, a request bearing it
 * (`Authorization: Bearer …`); without one, loopback clients only (a scraper on the host).
 */
export function mayReadMetrics(req: IncomingMessage, token = process.env.SANAD_METRICS_TOKEN): boolean {
  if (token) {
    const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }
  // A request a proxy forwarded is not a scraper on the host, even though its peer is loopback
  // (a reverse proxy on the same machine would otherwise publish /metrics to everyone).
  if (req.headers["x-forwarded-for"] !== undefined || req.headers.forwarded !== undefined) return false;
  const ip = req.socket.remoteAddress ?? "";
  return ip === "127.0.0.1" || ip === "::1" || ip === "::ffff:127.0.0.1";
}

/** Answer GET /metrics (Prometheus text format), or 403. */
export async function serveMetrics(metrics: Metrics, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!mayReadMetrics(req)) {
    res.writeHead(403, { "content-type": "text/plain" }).end("forbidden");
    return;
  }
  const body = await metrics.registry.metrics();
  res.writeHead(200, { "content-type": metrics.registry.contentType }).end(body);
}
