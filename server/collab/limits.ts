/** Limits of the collaboration server; every one has a close code in lib/close-codes.ts. */
export interface CollabLimits {
  /** Largest message accepted, in bytes. */
  maxMessageBytes: number;
  /** Sustained messages per second per connection... */
  messagesPerSecond: number;
  /** ...with bursts up to this many. */
  messageBurst: number;
  /** New connections per IP per minute. */
  connectionsPerIpPerMinute: number;
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
  authTimeoutMs: 5_000,
  roomIdleMs: 2_000,
  maxBufferedBytes: 16 * 1024 * 1024,
};

/** A token bucket: `take()` is false when the caller is over its rate. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  constructor(private readonly ratePerSecond: number, private readonly capacity: number, private readonly now: () => number = Date.now) {
    this.tokens = capacity;
    this.last = now();
  }
  take(n = 1): boolean {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.ratePerSecond);
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
