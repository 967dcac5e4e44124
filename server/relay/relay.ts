import { randomBytes } from "node:crypto";

/** Receives a message another process published for an article; `from` is that process's id. */
export type RelayHandler = (message: Uint8Array, from: string) => void;

/**
 * Cross-process fan-out for rooms (scale-out mode). One channel per article. A relay never
 * delivers a process's own messages back to it. Delivery is best effort (pub/sub): rooms heal
 * lost messages by exchanging state vectors (see server/relay/room-relay.ts and docs/scale-out.md).
 */
export interface Relay {
  /** This process's id, carried by every message it publishes. */
  readonly processId: string;
  /** Fire and forget; failures are logged by the implementation, never thrown at the room. */
  publish(articleId: string, message: Uint8Array): void;
  /** Resolves once the subscription is active (so nothing published afterwards is missed). */
  subscribe(articleId: string, handler: RelayHandler): Promise<() => void>;
  /** Called after the relay lost and re-established its subscriptions (messages may be lost). */
  onResubscribed?(listener: () => void): void;
  close(): Promise<void>;
}

export function newProcessId(): string {
  return randomBytes(8).toString("hex");
}

/**
 * In-memory relay hub: several "processes" in one Node process, for unit tests. `drop` lets a
 * test lose messages on purpose.
 */
export class MemoryRelayHub {
  private readonly subs = new Map<string, Set<{ processId: string; handler: RelayHandler }>>();
  /** Return true to drop a message (simulates a lost pub/sub message). */
  drop: (articleId: string, message: Uint8Array, from: string) => boolean = () => false;

  relay(processId = newProcessId()): Relay {
    const mine = new Set<() => void>();
    return {
      processId,
      publish: (articleId, message) => {
        if (this.drop(articleId, message, processId)) return;
        const copy = message.slice();
        queueMicrotask(() => {
          for (const s of this.subs.get(articleId) ?? []) if (s.processId !== processId) s.handler(copy, processId);
        });
      },
      subscribe: async (articleId, handler) => {
        const entry = { processId, handler };
        let set = this.subs.get(articleId);
        if (!set) this.subs.set(articleId, (set = new Set()));
        set.add(entry);
        const off = () => {
          set.delete(entry);
          mine.delete(off);
        };
        mine.add(off);
        return off;
      },
      close: async () => {
        for (const off of [...mine]) off();
      },
    };
  }

  subscriberCount(articleId: string): number {
    return this.subs.get(articleId)?.size ?? 0;
  }
}
