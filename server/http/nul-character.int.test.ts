import { describe, expect, it } from "vitest";
import http from "node:http";
import net from "node:net";
import { POST as createToken } from "../../app/api/tokens/route";
import { POST as acceptInvitation } from "../../app/api/invitations/accept/route";
import { databaseKinds, serverPerSuite } from "../test-support/harness";

/** One raw HTTP request to the test server (the front door in server/main.ts, before Next). */
function rawGet(port: number, path: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, headers: { cookie } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

/**
 * PostgreSQL cannot hold U+0000 in text or jsonb: a string carrying one fails in the driver
 * ("invalid byte sequence for encoding UTF8: 0x00"), which every route answered with a 500.
 * Refused at the two doors instead — the address (server/main.ts) and the JSON body
 * (readJson) — the same on both databases.
 */
for (const kind of databaseKinds()) {
  describe(`NUL characters in requests on ${kind}`, () => {
    const suite = serverPerSuite(kind, ["viewer"] as const);

    it("a NUL in a JSON body is a 400 with a clear message, whoever sends it", async () => {
      const { viewer } = suite.users;
      const post = (body: unknown) => createToken(new Request("http://localhost/api/tokens", {
        method: "POST", body: JSON.stringify(body), headers: { cookie: viewer.cookie, "content-type": "application/json" },
      }), undefined as never);
      const res = await post({ name: "ci\u0000bot" });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: "INVALID_INPUT", error: expect.stringMatching(/NUL/) });
      // in an object key too
      expect((await post({ ["na\u0000me"]: "x" })).status).toBe(400);
      expect(await suite.server.db.apiToken.count({ where: { userId: viewer.id } })).toBe(0);
      // no session needed on the invitation route: still a 400, never a database error
      const anon = await acceptInvitation(new Request("http://localhost/api/invitations/accept", {
        method: "POST", body: JSON.stringify({ token: "t\u0000".repeat(22), name: "x", password: "p".repeat(12) }), headers: { "content-type": "application/json" },
      }), undefined as never);
      expect(anon.status).toBe(400);
      // an escaped backslash followed by u0000 is ordinary text
      expect((await post({ name: "path\\u0000" })).status).toBe(201);
    });

    it("a NUL in the address (path or query) is a 400 before any page or route runs", async () => {
      const { viewer } = suite.users;
      for (const path of ["/api/articles/a%00b/decisions", "/api/search?q=a%00", "/articles/%00", "/api/v1/articles/x%00"]) {
        expect(await rawGet(suite.server.port, path, viewer.cookie), path).toBe(400);
      }
      // the collaboration upgrade too (its room lookup would fail the same way)
      const answer = await new Promise<string>((resolve) => {
        const socket = net.connect(suite.server.port, "127.0.0.1");
        let text = "";
        socket.on("data", (d) => { text += d.toString("latin1"); });
        socket.on("close", () => resolve(text));
        socket.on("error", () => resolve(text));
        socket.write(`GET /collab/a%00b HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nCookie: ${viewer.cookie}\r\n\r\n`);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    });
  });
}
