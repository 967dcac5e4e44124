/**
 * The peer for bench/collab/bench.ts: a deliberately naive y-websocket relay, written the way
 * the y-websocket reference server (bin/utils.cjs / @y/websocket-server) works:
 *
 * - one Y.Doc + Awareness per room, the room name is the URL path (`ws://host:port/<room>`);
 * - every incoming sync message is answered/applied with y-protocols' readSyncMessage; each
 *   resulting document update is encoded once as a sync-update frame and sent to every other
 *   socket of the room individually (one frame per update per socket, no coalescing);
 * - awareness likewise: every awareness change is encoded and sent to every other socket;
 * - on connect: sync step 1 and the current awareness states; a 30 s ping/pong keepalive;
 * - no authentication, no rate limits, no persistence; a room is dropped with its last socket.
 *
 * The only deviation from the reference: it does not echo an update (or an awareness change)
 * back to the socket it came from, as the brief says "every other socket". That makes the
 * peer slightly cheaper than the reference, never more expensive.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { WebSocketServer, type WebSocket } from "ws";

const messageSync = 0;
const messageAwareness = 1;
const pingTimeout = 30_000;

class SharedDoc extends Y.Doc {
  /** socket -> awareness client ids it controls */
  readonly conns = new Map<WebSocket, Set<number>>();
  readonly awareness: awarenessProtocol.Awareness;

  constructor(readonly name: string) {
    super({ gc: true });
    this.awareness = new awarenessProtocol.Awareness(this);
    this.awareness.setLocalState(null);
    this.awareness.on("update", ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const changed = added.concat(updated, removed);
      const conn = origin as WebSocket | null;
      const controlled = conn ? this.conns.get(conn) : undefined;
      if (controlled) {
        for (const id of added) controlled.add(id);
        for (const id of removed) controlled.delete(id);
      }
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, messageAwareness);
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
      const frame = encoding.toUint8Array(e);
      for (const c of this.conns.keys()) if (c !== conn) send(this, c, frame);
    });
    this.on("update", (update: Uint8Array, origin: unknown) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, messageSync);
      syncProtocol.writeUpdate(e, update);
      const frame = encoding.toUint8Array(e);
      for (const c of this.conns.keys()) if (c !== origin) send(this, c, frame);
    });
  }
}

function send(doc: SharedDoc, conn: WebSocket, frame: Uint8Array): void {
  if (conn.readyState !== conn.CONNECTING && conn.readyState !== conn.OPEN) {
    closeConn(doc, conn);
    return;
  }
  try {
    conn.send(frame, {}, (err) => { if (err) closeConn(doc, conn); });
  } catch {
    closeConn(doc, conn);
  }
}

function closeConn(doc: SharedDoc, conn: WebSocket): void {
  const controlled = doc.conns.get(conn);
  if (controlled) {
    doc.conns.delete(conn);
    awarenessProtocol.removeAwarenessStates(doc.awareness, [...controlled], null);
  }
  conn.close();
}

export interface NaiveRelay {
  port: number;
  rooms: Map<string, SharedDoc>;
  close(): Promise<void>;
}

export async function startNaiveRelay(port = 0, host = "127.0.0.1"): Promise<NaiveRelay> {
  const rooms = new Map<string, SharedDoc>();
  const getDoc = (name: string) => {
    let doc = rooms.get(name);
    if (!doc) {
      doc = new SharedDoc(name);
      rooms.set(name, doc);
    }
    return doc;
  };

  const wss = new WebSocketServer({ noServer: true });
  wss.on("connection", (conn: WebSocket, req: http.IncomingMessage) => {
    conn.binaryType = "arraybuffer";
    const doc = getDoc((req.url ?? "").slice(1).split("?")[0]);
    doc.conns.set(conn, new Set());
    conn.on("message", (message: ArrayBuffer) => {
      try {
        const encoder = encoding.createEncoder();
        const decoder = decoding.createDecoder(new Uint8Array(message));
        switch (decoding.readVarUint(decoder)) {
          case messageSync:
            encoding.writeVarUint(encoder, messageSync);
            syncProtocol.readSyncMessage(decoder, encoder, doc, conn);
            if (encoding.length(encoder) > 1) send(doc, conn, encoding.toUint8Array(encoder));
            break;
          case messageAwareness:
            awarenessProtocol.applyAwarenessUpdate(doc.awareness, decoding.readVarUint8Array(decoder), conn);
            break;
        }
      } catch (err) {
        console.error("[naive-relay]", err);
      }
    });
    let pongReceived = true;
    const ping = setInterval(() => {
      if (!pongReceived) {
        if (doc.conns.has(conn)) closeConn(doc, conn);
        clearInterval(ping);
      } else if (doc.conns.has(conn)) {
        pongReceived = false;
        try { conn.ping(); } catch { closeConn(doc, conn); clearInterval(ping); }
      }
    }, pingTimeout);
    conn.on("close", () => {
      closeConn(doc, conn);
      clearInterval(ping);
      if (doc.conns.size === 0 && rooms.get(doc.name) === doc) {
        rooms.delete(doc.name);
        doc.destroy();
      }
    });
    conn.on("pong", () => { pongReceived = true; });
    // sync step 1 and the current awareness states
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, messageSync);
    syncProtocol.writeSyncStep1(e, doc);
    send(doc, conn, encoding.toUint8Array(e));
    const states = doc.awareness.getStates();
    if (states.size > 0) {
      const a = encoding.createEncoder();
      encoding.writeVarUint(a, messageAwareness);
      encoding.writeVarUint8Array(a, awarenessProtocol.encodeAwarenessUpdate(doc.awareness, [...states.keys()]));
      send(doc, conn, encoding.toUint8Array(a));
    }
  });

  const server = http.createServer((_req, res) => { res.writeHead(200, { "content-type": "text/plain" }).end("okay"); });
  server.on("upgrade", (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    rooms,
    async close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
