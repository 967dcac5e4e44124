import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import type { WebSocket } from "ws";
import { CloseCode } from "../../lib/close-codes";
import type { Connection } from "./room";
import { SessionSockets, decodeSessionChange, encodeSessionChange } from "./session-sockets";

function fakeSocket() {
  const ws = new EventEmitter() as EventEmitter & {
    closedWith: number | null; close(code: number): void; OPEN: 1; readyState: number; bufferedAmount: number;
    sent: Uint8Array[]; send(m: Uint8Array): void; terminate(): void;
  };
  ws.closedWith = null;
  ws.OPEN = 1;
  ws.readyState = 1;
  ws.bufferedAmount = 0;
  ws.sent = [];
  ws.send = (m: Uint8Array) => { ws.sent.push(m); };
  ws.terminate = () => {};
  ws.close = (code: number) => {
    ws.closedWith = code;
    ws.readyState = 3;
    ws.emit("close");
  };
  return ws;
}
const editor = { id: "u1", name: "Huda", role: "editor" as const };

describe("open sockets follow session changes", () => {
  it("a role change makes the connection read-only before closing it with 4409", () => {
    const sessions = new SessionSockets();
    const ws = fakeSocket();
    const entry = sessions.track(ws as unknown as WebSocket, editor, sessions.current)!;
    const conn = { readOnly: false, actor: editor } as unknown as Connection;
    entry.conn = conn;
    sessions.apply({ userId: "u1", kind: "role-changed", role: "viewer" });
    expect(conn.readOnly).toBe(true);
    expect(conn.actor.role).toBe("viewer");
    expect(ws.closedWith).toBe(CloseCode.RoleChanged);
  });

  it("an upgrade authenticated before a sign-out is refused when it opens after it", () => {
    const sessions = new SessionSockets();
    const seqAtAuth = sessions.current;
    sessions.apply({ userId: "u1", kind: "signed-out" }); // arrives while the upgrade awaited
    const ws = fakeSocket();
    expect(sessions.track(ws as unknown as WebSocket, editor, seqAtAuth)).toBeNull();
    expect(ws.closedWith).toBe(CloseCode.Unauthenticated);
    // A later sign-in authenticates after the change: tracked normally.
    const later = fakeSocket();
    expect(sessions.track(later as unknown as WebSocket, editor, sessions.current)).not.toBeNull();
    expect(later.closedWith).toBeNull();
  });

  it("a notification to a socket that stopped reading closes it as a slow consumer (4508), like any other frame", () => {
    const sessions = new SessionSockets(1024);
    const reading = fakeSocket();
    const stalled = fakeSocket();
    const loading = fakeSocket(); // its room is still loading: no connection yet
    for (const ws of [reading, loading]) sessions.track(ws as unknown as WebSocket, editor, sessions.current);
    let slow = 0;
    const entry = sessions.track(stalled as unknown as WebSocket, editor, sessions.current)!;
    entry.conn = { ws: stalled, maxBufferedBytes: 1024, onSlow: () => slow++ } as unknown as Connection;
    stalled.bufferedAmount = 4096;
    loading.bufferedAmount = 4096;
    expect(sessions.send("u1", new Uint8Array([7]))).toBe(1);
    expect(reading.sent).toHaveLength(1);
    expect(stalled.sent).toHaveLength(0);
    expect(stalled.closedWith).toBe(CloseCode.SlowConsumer);
    expect(slow).toBe(1); // the connection's metrics and log hook
    expect(loading.sent).toHaveLength(0);
    expect(loading.closedWith).toBe(CloseCode.SlowConsumer);
  });

  it("relay messages round-trip and malformed ones are rejected", () => {
    const change = { userId: "u1", kind: "role-changed", role: "reviewer" } as const;
    expect(decodeSessionChange(encodeSessionChange(change))).toEqual(change);
    expect(() => decodeSessionChange(new TextEncoder().encode('{"userId":"u1","kind":"role-changed","role":"god"}'))).toThrow();
    expect(() => decodeSessionChange(new TextEncoder().encode("not json"))).toThrow();
  });
});
