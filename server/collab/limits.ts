/** Limits of the collaboration server; every one has a close code in lib/close-codes.ts. */
export interface CollabLimits {
  /** Largest message accepted, in bytes. */
  maxMessageBytes: number;
  /** Sustained messages per second per connection... */
  messagesPerSecond: number;
  /** ...with bursts up to this many. */
  messageBurst: number;
  /** Unauthenticated connection attempts per client address per minute. */
  connectionsPerIpPerMinute: number;
  /** New connections per signed-in user per minute (across all their tabs and devices). */
  connectionsPerUserPerMinute: number;
  /** Time allowed to authenticate an upgrade. */
  authTimeoutMs: number;
  /** How long an empty room stays loaded before it is flushed and unloaded. */
  roomIdleMs: number;
  /**
   * Bytes queued for one socket (ws `bufferedAmount`) beyond which it counts as not reading
   * and is closed with 4508; it reconnects and resyncs.
   */
  maxBufferedBytes: number;
}

export const DEFAULT_LIMITS: CollabLimits = {
  maxMessageBytes: 2 * 1024 * 1024,
  messagesPerSecond: 100,
  messageBurst: 400,
  connectionsPerIpPerMinute: 120,
  connectionsPerUserPerMinute: 120,
  authTimeoutMs: 5_000,
  roomIdleMs: 2_000,
  maxBufferedBytes: 16 * 1024 * 1024,
};

/**
 * Milliseconds this process's event loop has stood still (GC, a slow synchronous call),
 * measured by a ticking timer's lateness. Messages a client sent during a stall all arrive at
 * once afterwards; that burst is the server's doing, not the client's.
 */
export class StallClock {
  total = 0;
  private last = 0;
  private timer: NodeJS.Timeout | null = null;
  constructor(private readonly tickMs = 50, private readonly now: () => number = () => performance.now()) {}
  start(): this {
    if (this.timer) return this;
    this.last = this.now();
    this.timer = setInterval(() => this.tick(), this.tickMs);
    this.timer.unref();
    return this;
  }
  /** One tick: lateness beyond the tick (and a little jitter) counts as a stall. */
  tick(): void {
    const t = this.now();
    const late = t - this.last - this.tickMs;
    if (late > this.tickMs) this.total += late;
    this.last = t;
  }
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

const stallHolder = globalThis as unknown as { __sanadStallClock?: StallClock };
/** The process's stall clock (started on first use). */
export function processStallClock(): StallClock {
  return (stallHolder.__sanadStallClock ??= new StallClock().start());
}

/**
 * A token bucket: `take()` is false when the caller is over its rate. Time the event loop
 * spent stalled is credited on top of the capacity, so a backlog that piled up while this
 * process could not read does not count as flooding.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private stallSeen: number;
  constructor(
    private readonly ratePerSecond: number, private readonly capacity: number, private readonly now: () => number = Date.now,
    private readonly stalls: { total: number } = processStallClock(),
  ) {
    this.tokens = capacity;
    this.last = now();
    this.stallSeen = this.stalls.total;
  }
  take(n = 1): boolean {
    const t = this.now();
    const stalled = this.stalls.total - this.stallSeen;
    this.stallSeen = this.stalls.total;
    const ceiling = this.tokens > this.capacity ? this.tokens : this.capacity;
    this.tokens = Math.min(ceiling, this.tokens + ((t - this.last) / 1000) * this.ratePerSecond);
    if (stalled > 0) this.tokens += (Math.min(stalled, 60_000) / 1000) * this.ratePerSecond;
    this.last = t;
    if (this.tokens < n) return false;
    this.tokens -= n;
    return true;
  }
}

/** Per-key fixed-window counter, for connection attempts per IP. Bounded in size. */
export class WindowCounter {
  private readonly counts = new Map<string, { window: number; n: number }>();
  constructor(private readonly limit: number, private readonly windowMs: number, private readonly maxKeys = 50_000) {}
  hit(key: string, now = Date.now()): boolean {
    const window = Math.floor(now / this.windowMs);
    const c = this.counts.get(key);
    if (!c || c.window !== window) {
      if (this.counts.size >= this.maxKeys) this.counts.clear();
      this.counts.set(key, { window, n: 1 });
      return true;
    }
    c.n += 1;
    return c.n <= this.limit;
  }
}
