/**
 * Yjs client ids a live presence (awareness) state has announced, reserved for the user the
 * state belongs to — before that tab has written anything (one room's, one process's).
 *
 * Awareness shows every tab's client id to everyone in the room. A binding (client-bindings.ts)
 * is only made when a tab first writes, so without a reservation another user could write
 * under a watched tab's id first, win the binding, and get that tab closed with 4410 at its
 * first edit. With it, the id is the announcing user's from the moment their state arrives:
 * writing under it, or announcing it, as anyone else is refused (update-guard.ts).
 *
 * The state itself carries the owner — `user.id`, rewritten from the session by the process
 * the tab is connected to — and reaches every process through the relay, so every process
 * reserves the id for the same user without another message or a table. A reservation lasts
 * while the state does and `graceMs` after it is gone (a socket reconnecting with the same
 * tab gets its id back; a tab that wrote is bound for good anyway), then it lapses: memory is
 * bounded by the room's presence and no id stays locked for a tab that never wrote.
 */
export class ClientReservations {
  private readonly owners = new Map<number, { userId: string; until: number }>();
  /** Ids whose state is gone, in the order their grace ends (the grace is constant). */
  private readonly lapsing: Array<{ clientId: number; until: number }> = [];

  constructor(private readonly graceMs: number, private readonly now: () => number = Date.now) {}

  /** The user a client id is reserved for, if any. */
  userOf(clientId: number): string | undefined {
    this.sweep();
    return this.owners.get(clientId)?.userId;
  }

  /**
   * A presence state of `userId` announces `clientId`. Returns the other user it is already
   * reserved for (the reservation is kept), or undefined once it is reserved for `userId`.
   */
  hold(clientId: number, userId: string): string | undefined {
    const owner = this.userOf(clientId);
    if (owner !== undefined && owner !== userId) return owner;
    this.owners.set(clientId, { userId, until: Infinity });
    return undefined;
  }

  /** The state announcing `clientId` is gone: the reservation lapses after the grace. */
  letGo(clientId: number): void {
    const r = this.owners.get(clientId);
    if (!r || r.until !== Infinity) return;
    r.until = this.now() + this.graceMs;
    this.lapsing.push({ clientId, until: r.until });
  }

  private sweep(): void {
    const now = this.now();
    let n = 0;
    while (n < this.lapsing.length && this.lapsing[n].until <= now) {
      const { clientId, until } = this.lapsing[n++];
      // Held again since (a reconnect), or let go again later: that later entry decides.
      if (this.owners.get(clientId)?.until === until) this.owners.delete(clientId);
    }
    if (n > 0) this.lapsing.splice(0, n);
  }
}
