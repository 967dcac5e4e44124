import { Redis } from "ioredis";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { newProcessId, type Relay, type RelayHandler } from "./relay";

export const CHANNEL_PREFIX = "sanad:room:";
/** First byte of every relayed frame; bump when the envelope changes. */
const ENVELOPE_VERSION = 1;

export interface RedisRelayOptions {
  /** Channel prefix (tests may isolate themselves with their own). */
  prefix?: string;
  /** How long connecting (at start) and subscribing (when a room loads) may take. */
  timeoutMs?: number;
  log?: (msg: string, extra?: Record<string, unknown>) => void;
}

export class RelayUnavailableError extends Error {}

/** The Redis URL without its password, for messages. */
export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparsable REDIS_URL)";
  }
}

/** Envelope: version byte, sender process id (var string), then the room's message bytes. */
export function encodeEnvelope(processId: string, message: Uint8Array): Buffer {
  const e = encoding.createEncoder();
  encoding.writeUint8(e, ENVELOPE_VERSION);
  encoding.writeVarString(e, processId);
  encoding.writeUint8Array(e, message);
  const out = encoding.toUint8Array(e);
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

export function decodeEnvelope(frame: Uint8Array): { from: string; message: Uint8Array } | null {
  const d = decoding.createDecoder(frame);
  if (decoding.readUint8(d) !== ENVELOPE_VERSION) return null;
  const from = decoding.readVarString(d);
  return { from, message: frame.subarray(d.pos) };
}

interface ChannelEntry {
  handlers: Set<RelayHandler>;
  subscribed: boolean;
  /** Subscribe/unsubscribe commands for one channel run one after another. */
  op: Promise<void>;
}

/**
 * Relay over Redis pub/sub: one publisher and one subscriber connection per process, channel
 * `sanad:room:<articleId>`, binary payloads (`messageBuffer` events). Connects eagerly and
 * throws RelayUnavailableError if Redis cannot be reached, so a process never runs cut off
 * from its peers without saying so. ioredis reconnects and re-subscribes by itself afterwards;
 * listeners of `onResubscribed` then ask their peers for what they missed.
 */
export async function createRedisRelay(url: string, options: RedisRelayOptions = {}): Promise<Relay> {
  const prefix = options.prefix ?? CHANNEL_PREFIX;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const log = options.log ?? (() => {});
  const processId = newProcessId();
  const common = { lazyConnect: true, connectionName: `sanad-${processId}`, maxRetriesPerRequest: 3 };
  const pub = new Redis(url, common);
  const sub = new Redis(url, common);
  const channels = new Map<string, ChannelEntry>();
  const resubscribed = new Set<() => void>();
  let closed = false;
  let lastError = "";
  let lastErrorLogged = 0;

  const onError = (which: string) => (e: Error) => {
    lastError = e.message;
    // ioredis retries forever; log at most every 10 s.
    if (Date.now() - lastErrorLogged > 10_000) {
      lastErrorLogged = Date.now();
      log("redis relay connection error", { connection: which, error: e.message });
    }
  };
  pub.on("error", onError("publisher"));
  sub.on("error", onError("subscriber"));

  try {
    await withTimeout(Promise.all([pub.connect(), sub.connect()]), timeoutMs, "timed out");
  } catch (e) {
    pub.disconnect();
    sub.disconnect();
    throw new RelayUnavailableError(`cannot reach Redis at ${redactRedisUrl(url)}: ${lastError || (e as Error).message}. With REDIS_URL set, every process must share one Redis; refusing to start without it.`);
  }

  let everReady = false;
  sub.on("ready", () => {
    // The first "ready" is the initial connection; later ones follow a reconnect (ioredis has
    // already re-subscribed), so peers' messages may have been lost in between.
    if (!everReady) {
      everReady = true;
      return;
    }
    log("redis relay reconnected");
    for (const l of resubscribed) l();
  });
  everReady = sub.status === "ready";

  sub.on("messageBuffer", (channel: Buffer, frame: Buffer) => {
    const entry = channels.get(channel.toString());
    if (!entry || entry.handlers.size === 0) return;
    let env: ReturnType<typeof decodeEnvelope>;
    try {
      env = decodeEnvelope(new Uint8Array(frame.buffer, frame.byteOffset, frame.byteLength));
    } catch {
      env = null;
    }
    if (!env || env.from === processId) return;
    for (const h of entry.handlers) {
      try {
        h(env.message, env.from);
      } catch (e) {
        log("relay handler failed", { channel: channel.toString(), error: String(e) });
      }
    }
  });

  async function reconcile(channel: string, entry: ChannelEntry): Promise<void> {
    if (entry.handlers.size > 0 && !entry.subscribed) {
      await withTimeout(sub.subscribe(channel), timeoutMs, `subscribing to ${channel} timed out`);
      entry.subscribed = true;
    } else if (entry.handlers.size === 0 && entry.subscribed) {
      entry.subscribed = false;
      if (!closed) await sub.unsubscribe(channel).catch((e) => log("relay unsubscribe failed", { channel, error: String(e) }));
    }
    if (entry.handlers.size === 0 && !entry.subscribed && channels.get(channel) === entry) channels.delete(channel);
  }

  function schedule(channel: string, entry: ChannelEntry): Promise<void> {
    const next = entry.op.catch(() => {}).then(() => reconcile(channel, entry));
    entry.op = next;
    return next;
  }

  return {
    processId,
    publish(articleId, message) {
      if (closed) return;
      pub.publish(prefix + articleId, encodeEnvelope(processId, message)).catch(onError("publisher"));
    },
    async subscribe(articleId, handler) {
      if (closed) throw new RelayUnavailableError("relay closed");
      const channel = prefix + articleId;
      let entry = channels.get(channel);
      if (!entry) channels.set(channel, (entry = { handlers: new Set(), subscribed: false, op: Promise.resolve() }));
      const own = entry;
      // A fresh function per subscription, so the same handler may subscribe twice.
      const h: RelayHandler = (m, f) => handler(m, f);
      own.handlers.add(h);
      try {
        await schedule(channel, own);
      } catch (e) {
        own.handlers.delete(h);
        void schedule(channel, own).catch(() => {});
        throw new RelayUnavailableError(`relay subscribe failed: ${(e as Error).message}`);
      }
      let done = false;
      return () => {
        if (done) return;
        done = true;
        own.handlers.delete(h);
        void schedule(channel, own).catch(() => {});
      };
    },
    onResubscribed(listener) {
      resubscribed.add(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      channels.clear();
      resubscribed.clear();
      await Promise.all([pub, sub].map((c) => withTimeout(c.quit(), 1_000, "quit timed out").catch(() => c.disconnect())));
    },
  };
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(message)), ms);
    p.then((v) => { clearTimeout(t); resolve(v); }, (e) => { clearTimeout(t); reject(e); });
  });
}
