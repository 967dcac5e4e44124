import type { Db } from "../db/client";

/**
 * Progressive delays after failed sign-ins, kept in the database (`SignInThrottle`) so a
 * restart or a second process starts from the same counts. Two keys per attempt:
 * - account + address: guessing one account's password from one place slows down fast, but
 *   the account's owner signing in from elsewhere is never delayed (no lock-out by strangers);
 * - address alone: spraying one common password across many accounts from one place slows
 *   down too, after a larger allowance (a newsroom may share one address).
 * No attempt under a delayed key is checked — the password is not even compared — until the
 * delay has passed. Failures are forgotten `resetAfterMs` after the last one; a success clears
 * its account + address key.
 */
export interface ThrottlePolicy {
  /** Failures allowed before delays start, per account + address... */
  accountFree: number;
  /** ...and per address. */
  addressFree: number;
  /** First delay; it doubles with each further failure... */
  baseDelayMs: number;
  /** ...up to this. */
  maxDelayMs: number;
  resetAfterMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  accountFree: 4,
  addressFree: 30,
  baseDelayMs: 1_000,
  maxDelayMs: 5 * 60_000,
  resetAfterMs: 60 * 60_000,
};

/** How long an attempt must wait after `failures` failures, with `free` allowed (pure). */
export function delayAfter(failures: number, free: number, policy: ThrottlePolicy = DEFAULT_THROTTLE): number {
  if (failures < free) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(30, failures - free));
}

export const accountKey = (email: string, address: string) => `acct:${email.toLowerCase()}|${address}`;
export const addressKey = (address: string) => `addr:${address}`;

export class SignInThrottle {
  constructor(private readonly db: Db, private readonly policy: ThrottlePolicy = DEFAULT_THROTTLE) {}

  /** Milliseconds until an attempt for this account from this address may be checked (0: now). */
  async waitMs(email: string, address: string, now = new Date()): Promise<number> {
    const rows = await this.db.signInThrottle.findMany({ where: { key: { in: [accountKey(email, address), addressKey(address)] } } });
    let wait = 0;
    for (const r of rows) {
      if (now.getTime() - r.lastFailure.getTime() > this.policy.resetAfterMs) continue;
      wait = Math.max(wait, r.notBefore.getTime() - now.getTime());
    }
    return Math.max(0, wait);
  }

  /** Record a failure under both keys; returns the delay now imposed (ms). */
  async fail(email: string, address: string, now = new Date()): Promise<number> {
    const keys: Array<[string, number]> = [[accountKey(email, address), this.policy.accountFree], [addressKey(address), this.policy.addressFree]];
    let imposed = 0;
    for (const [key, free] of keys) {
      const existing = await this.db.signInThrottle.findUnique({ where: { key } });
      const stale = !existing || now.getTime() - existing.lastFailure.getTime() > this.policy.resetAfterMs;
      // Increment in the database (not read-modify-write) so concurrent failures all count.
      const row = stale
        ? await this.db.signInThrottle.upsert({ where: { key }, create: { key, failures: 1, lastFailure: now, notBefore: now }, update: { failures: 1, lastFailure: now, notBefore: now } })
        : await this.db.signInThrottle.update({ where: { key }, data: { failures: { increment: 1 }, lastFailure: now } });
      const delay = delayAfter(row.failures, free, this.policy);
      if (delay > 0) await this.db.signInThrottle.update({ where: { key }, data: { notBefore: new Date(now.getTime() + delay) } });
      imposed = Math.max(imposed, delay);
    }
    if (Math.random() < 0.01) await this.prune(now);
    return imposed;
  }

  /** A correct password clears the account + address count (the address's count decays by itself). */
  async succeed(email: string, address: string): Promise<void> {
    await this.db.signInThrottle.deleteMany({ where: { key: accountKey(email, address) } });
  }

  /** Drop rows nobody has failed under for longer than the reset time. */
  async prune(now = new Date()): Promise<void> {
    await this.db.signInThrottle.deleteMany({ where: { lastFailure: { lt: new Date(now.getTime() - this.policy.resetAfterMs) } } });
  }
}
