import { afterAll, beforeAll, describe, expect, it } from "vitest";
import net from "node:net";
import WebSocket from "ws";
import { CloseCode } from "../../lib/close-codes";
import type { RunningServer } from "../main";
import { POST as publish } from "../../app/api/articles/[id]/publish/route";
import { PATCH as patchUser } from "../../app/api/users/[id]/route";
import { POST as acceptInvitation } from "../../app/api/invitations/accept/route";
import { GET as publicCaptureRaw } from "../../app/v/[slug]/archive/[captureId]/raw/route";
import { parseClaimId, parseSlug } from "../../app/v/public-data";
import { articleTitle } from "../articles/get-article";
import { asActor, createArticle, createTestDatabase, createUser, rawSocket, startTestServer, type TestDatabase, type TestUser } from "../test-support/harness";

/** Send a raw upgrade request and collect whatever the server answers until it closes. */
function rawUpgrade(port: number, path: string, headers: Record<string, string> = {}): Promise<{ answer: string; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let answer = "";
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ answer, closed: false });
    }, 4_000);
    socket.on("data", (d) => { answer += d.toString("latin1"); });
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ answer, closed: true });
    });
    socket.on("error", () => {});
    const extra = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("");
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n${extra}\r\n`);
  });
}

describe("requests that cannot be forged or stall the server", () => {
  let database: TestDatabase;
  let server: RunningServer;
  let reviewer: TestUser, admin: TestUser, editor: TestUser;
  let articleId: string;

  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    server = await startTestServer(database.url, { collab: { limits: { connectionsPerIpPerMinute: 3, connectionsPerUserPerMinute: 4 } } });
    reviewer = await createUser(server.db, "reviewer");
    admin = await createUser(server.db, "admin");
    editor = await createUser(server.db, "editor");
    articleId = (await createArticle(server.db)).id;
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it("refuses a cross-site POST to publish whatever the content type, and the article stays unpublished", async () => {
    const evil = (type: string, body: string) =>
      publish(new Request(`http://localhost/api/articles/${articleId}/publish`, {
        method: "POST", body, headers: { cookie: reviewer.cookie, origin: "http://evil.example", "content-type": type },
      }), { params: Promise.resolve({ id: articleId }) });
    for (const [type, body] of [["text/plain", ""], ["application/x-www-form-urlencoded", "a=b"], ["multipart/form-data; boundary=x", "--x--"], ["application/json", "{}"]]) {
      const res = await evil(type, body);
      expect(res.status, type).toBe(403);
    }
    // Origin "null" (sandboxed frame) and a cross-site fetch without Origin but with Sec-Fetch-Site.
    const nullOrigin = await patchUser(new Request(`http://localhost/api/users/${editor.id}`, {
      method: "PATCH", body: JSON.stringify({ role: "admin" }), headers: { cookie: admin.cookie, origin: "null", "content-type": "application/json" },
    }), { params: Promise.resolve({ id: editor.id }) });
    expect(nullOrigin.status).toBe(403);
    const crossSite = await patchUser(new Request(`http://localhost/api/users/${editor.id}`, {
      method: "PATCH", body: JSON.stringify({ role: "admin" }), headers: { cookie: admin.cookie, "sec-fetch-site": "cross-site", "content-type": "application/json" },
    }), { params: Promise.resolve({ id: editor.id }) });
    expect(crossSite.status).toBe(403);
    expect(await server.db.publication.count({ where: { articleId } })).toBe(0);
    expect((await server.db.user.findUniqueOrThrow({ where: { id: editor.id } })).role).toBe("editor");

    // The same request from the app's own origin reaches the handler (this article has nothing to publish).
    const own = await publish(new Request(`http://localhost/api/articles/${articleId}/publish`, {
      method: "POST", body: "", headers: { cookie: reviewer.cookie, origin: process.env.NEXTAUTH_URL!, "content-type": "text/plain" },
    }), { params: Promise.resolve({ id: articleId }) });
    expect(own.status).not.toBe(403);
    const sameHost = await patchUser(new Request(`http://sanad.example/api/users/${editor.id}`, {
      method: "PATCH", body: JSON.stringify({ role: "reviewer" }), headers: { cookie: admin.cookie, host: "sanad.example", origin: "http://sanad.example", "content-type": "application/json" },
    }), { params: Promise.resolve({ id: editor.id }) });
    expect(sameHost.status).toBe(200);
    await server.db.user.update({ where: { id: editor.id }, data: { role: "editor" } });
  });

  it("refuses an oversized body without reading it into memory, even from someone with no session", async () => {
    // An endless-looking upload (64 MiB in 64 KiB chunks) to a route anyone may call: the
    // server must stop pulling as soon as the cap (10,000 characters here) is passed.
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 64 * 1024 * 1024) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const streamed = await acceptInvitation(new Request("http://localhost/api/invitations/accept", {
      method: "POST", body, duplex: "half", headers: { "content-type": "application/json" },
    } as RequestInit), undefined as never);
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).code).toBe("PAYLOAD_TOO_LARGE");
    expect(pulled).toBeLessThan(1024 * 1024);
    // A declared length over the cap is refused before any byte is read.
    let touched = false;
    const declared = await acceptInvitation(new Request("http://localhost/api/invitations/accept", {
      method: "POST", duplex: "half", headers: { "content-type": "application/json", "content-length": String(50 * 1024 * 1024) },
      body: new ReadableStream({ pull(controller) { touched = true; controller.close(); } }, { highWaterMark: 0 }),
    } as RequestInit), undefined as never);
    expect(declared.status).toBe(413);
    expect(touched).toBe(false);
    // Malformed JSON and wrong types are 400s, not 500s; a long Arabic text within the cap in characters is read whole.
    const post = (text: string) => acceptInvitation(new Request("http://localhost/api/invitations/accept", {
      method: "POST", body: text, headers: { "content-type": "application/json" },
    }), undefined as never);
    expect((await post("{\"token\":")).status).toBe(400);
    expect((await post("[1,2]")).status).toBe(400);
    const deep = await post("[".repeat(4_000) + "]".repeat(4_000));
    expect(deep.status).toBe(400);
    expect((await post(JSON.stringify({ token: 5, name: ["x"], password: null }))).status).toBe(400);
    const arabic = await post(JSON.stringify({ token: "x".repeat(43), name: "ب".repeat(6_000), password: "p".repeat(12) }));
    expect(arabic.status).not.toBe(413);
  });

  it("answers a malformed percent-escape in a public address with 404, not a server error", async () => {
    // Anyone can ask for /v/%25E0%25A4%25A/…: the segment reaches the page as "%E0%A4%A".
    for (const bad of ["%E0%A4%A", "%ZZ", "%"]) {
      expect(parseSlug(bad), bad).toBeNull();
      expect(parseClaimId(bad), bad).toBeNull();
      const res = await publicCaptureRaw(new Request(`http://localhost/v/x/archive/y/raw`), { params: Promise.resolve({ slug: bad, captureId: "abc" }) });
      expect(res.status, bad).toBe(404);
    }
    expect(parseSlug("a-b%2Dc")).toBe("a-b-c");
  });

  it("page metadata names an unpublished article only to someone signed in who may view it", async () => {
    // /articles/<id> resolves its <title> beside the page, not after the page's sign-in redirect.
    expect(await articleTitle(server.db, null, articleId)).toBeNull();
    expect(await articleTitle(server.db, { ...asActor(editor), role: "nobody" as never }, articleId)).toBeNull();
    expect(await articleTitle(server.db, asActor(editor), articleId)).toBe("Test article");
  });

  it("refuses an oversized body to next-auth's routes at the door (next-auth reads bodies whole)", async () => {
    // Raw requests to the front door (server/main.ts): only the headers are sent.
    const answer = (head: string) => new Promise<string>((resolve) => {
      const socket = net.connect(server.port, "127.0.0.1");
      let text = "";
      socket.on("data", (d) => { text += d.toString("latin1"); });
      socket.on("close", () => resolve(text));
      socket.on("error", () => resolve(text));
      socket.write(head);
      setTimeout(() => socket.destroy(), 3_000);
    });
    const post = (path: string, extra: string) => `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n${extra}\r\n`;
    expect(await answer(post("/api/auth/callback/credentials", `Content-Length: ${200 * 1024 * 1024}\r\n`))).toMatch(/^HTTP\/1\.1 413 /);
    expect(await answer(post("/api/auth/callback/credentials", "Transfer-Encoding: chunked\r\n"))).toMatch(/^HTTP\/1\.1 411 /);
    // a sign-in form's size passes the door (this test server has no Next behind it: 404)
    expect(await answer(post("/api/auth/callback/credentials", "Content-Length: 0\r\nConnection: close\r\n"))).toMatch(/^HTTP\/1\.1 404 /);
  });

  it("answers a malformed upgrade path and closes the socket, with no unhandled rejection", async () => {
    const rejections: unknown[] = [];
    const onRejection = (e: unknown) => rejections.push(e);
    process.on("unhandledRejection", onRejection);
    try {
      for (const path of ["/collab/x%ZZ", "/collab/%E0%A4%A", "/collab/" + "a".repeat(200), "/collab/a/../b"]) {
        const { answer, closed } = await rawUpgrade(server.port, path, { cookie: editor.cookie });
        expect(answer, path).toMatch(/^HTTP\/1\.1 400 /);
        expect(closed, path).toBe(true);
      }
      await new Promise((r) => setTimeout(r, 50));
      expect(rejections).toEqual([]);
    } finally {
      process.off("unhandledRejection", onRejection);
    }
  });

  it("limits upgrades per user once signed in, so colleagues behind one address keep their own budget", async () => {
    // Budget 4 per user: a fifth socket of the same user is refused, a colleague on the same address is not.
    const sockets = [];
    for (let i = 0; i < 4; i++) {
      const s = rawSocket(server, articleId, editor.cookie);
      await s.opened;
      sockets.push(s);
    }
    const fifth = await rawUpgrade(server.port, `/collab/${articleId}`, { cookie: editor.cookie });
    expect(fifth.answer).toMatch(/^HTTP\/1\.1 429 /);
    const colleague = await createUser(server.db, "editor");
    for (let i = 0; i < 4; i++) {
      const s = rawSocket(server, articleId, colleague.cookie);
      await s.opened;
      sockets.push(s);
    }
    for (const s of sockets) s.ws.close();
  });

  it("limits unauthenticated attempts per address", async () => {
    // Budget 3 failures per address (this test's server); the 4th attempt is refused before auth.
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await rawSocket(server, articleId, "next-auth.session-token=forged").closed).code);
    expect(codes).toEqual([CloseCode.Unauthenticated, CloseCode.Unauthenticated, CloseCode.Unauthenticated]);
    const refused = await rawUpgrade(server.port, `/collab/${articleId}`, { cookie: "next-auth.session-token=forged" });
    expect(refused.answer).toMatch(/^HTTP\/1\.1 429 /);
    // A signed-in user from the same address is still served.
    const ok = new WebSocket(`ws://127.0.0.1:${server.port}/collab/${articleId}`, { headers: { cookie: reviewer.cookie } });
    await new Promise<void>((resolve, reject) => { ok.on("open", () => resolve()); ok.on("error", reject); });
    ok.close();
  });
});
