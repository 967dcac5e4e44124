/**
 * Failed sign-ins per account, in memory per process: after `limit` failures within
 * `windowMs`, further attempts for that email are refused until the window ends, so a
 * password cannot be guessed at bcrypt speed. A success clears the count.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, { count: number; since: number }>();
  constructor(private readonly limit = 10, private readonly windowMs = 15 * 60_000, private readonly maxKeys = 100_000) {}

  blocked(email: string, now = Date.now()): boolean {
    const f = this.failures.get(email);
    if (!f) return false;
    if (now - f.since > this.windowMs) {
      this.failures.delete(email);
      return false;
    }
    return f.count >= this.limit;
  }

  fail(email: string, now = Date.now()): void {
    const f = this.failures.get(email);
    if (!f || now - f.since > this.windowMs) {
      if (this.failures.size >= this.maxKeys) this.failures.clear();
      this.failures.set(email, { count: 1, since: now });
    } else {
      f.count += 1;
    }
  }

  succeed(email: string): void {
    this.failures.delete(email);
  }
}

const holder = globalThis as unknown as { __sanadSignInThrottle?: SignInThrottle };
/** The process-wide throttle (shared by Next's bundle and the main graph). */
export function signInThrottle(): SignInThrottle {
  return (holder.__sanadSignInThrottle ??= new SignInThrottle());
}
