import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CloseCode } from "../../lib/close-codes";
import type { RunningServer } from "../main";
import { connectClient, createArticle, createTestDatabase, createUser, rawSocket, startTestServer, waitFor, type TestDatabase, type TestUser } from "../test-support/harness";

/**
 * A socket that stops reading must not make the server buffer without bound: past
 * `maxBufferedBytes` queued it is closed with the temporary 4508, and everyone else carries on.
 */
describe("backpressure", () => {
  let database: TestDatabase;
  let server: RunningServer;
  let editor: TestUser, viewer: TestUser;
  let articleId: string;

  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    server = await startTestServer(database.url, { collab: { limits: { maxBufferedBytes: 256 * 1024 } } });
    editor = await createUser(server.db, "editor");
    viewer = await createUser(server.db, "viewer");
    articleId = (await createArticle(server.db)).id;
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it("closes a client that stops reading with 4508 while a reading client gets every edit; a reconnect resyncs", async () => {
    const slow = rawSocket(server, articleId, viewer.cookie);
    await slow.opened;
    const writer = connectClient(server, articleId, editor.cookie);
    const reader = connectClient(server, articleId, viewer.cookie);
    await Promise.all([writer.synced(), reader.synced()]);
    await waitFor(() => server.collab.registry.loaded(articleId)?.conns.size === 3, "three connections");
    // Stop reading: the kernel buffers fill, then the server's send queue for this socket grows.
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();

    const chunk = "x".repeat(200_000);
    const room = server.collab.registry.loaded(articleId)!;
    const slowConn = () => [...room.conns].find((c) => c.actor.id === viewer.id && c.ws.readyState !== c.ws.OPEN);
    for (let i = 0; i < 200 && !slowConn(); i++) {
      writer.doc.getText("t").insert(0, chunk);
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(slowConn()).toBeTruthy(); // the server stopped sending to it and is closing it
    const written = writer.doc.getText("t").length;
    await waitFor(() => reader.doc.getText("t").length === written, "the reading client has every edit", 20_000);

    (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    const { code } = await slow.closed;
    expect([CloseCode.SlowConsumer, 1006]).toContain(code); // 1006 if the grace ran out before it read its backlog
    await waitFor(() => room.conns.size === 2, "the slow connection is gone");

    const again = connectClient(server, articleId, viewer.cookie);
    await again.synced();
    await waitFor(() => again.doc.getText("t").length === written, "a reconnect resyncs");
    expect(Y.encodeStateVector(again.doc)).toEqual(Y.encodeStateVector(writer.doc));
    for (const c of [writer, reader, again]) c.destroy();
  }, 60_000);
});
