import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import type { WebSocket } from "ws";
import { CloseCode } from "../../lib/close-codes";
import type { Connection } from "./room";
import { SessionSockets, decodeSessionChange, encodeSessionChange } from "./session-sockets";

function fakeSocket() {
  const ws = new EventEmitter() as EventEmitter & { closedWith: number | null; close(code: number): void };
  ws.closedWith = null;
  ws.close = (code: number) => {
    ws.closedWith = code;
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

  it("relay messages round-trip and malformed ones are rejected", () => {
    const change = { userId: "u1", kind: "role-changed", role: "reviewer" } as const;
    expect(decodeSessionChange(encodeSessionChange(change))).toEqual(change);
    expect(() => decodeSessionChange(new TextEncoder().encode('{"userId":"u1","kind":"role-changed","role":"god"}'))).toThrow();
    expect(() => decodeSessionChange(new TextEncoder().encode("not json"))).toThrow();
  });
});
