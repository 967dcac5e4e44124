import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { addClaim, assignClaim } from "../../lib/article-doc";
import type { RunningServer } from "../main";
import { connectClient, createArticle, createTestDatabase, createUser, roomHas, startTestServer, waitFor, type TestDatabase } from "../test-support/harness";
import { setNotificationSettings } from "../notifications/set-notification-settings";
import { sendMail } from "./send-mail";

/** A local SMTP server in this process: what it received, and a switch to refuse recipients for a while. */
function localSmtp() {
  const received: Array<{ to: string[]; raw: string }> = [];
  let refuseNext = 0;
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ["STARTTLS", "AUTH"], logger: false,
    onRcptTo(address, _session, cb) {
      if (refuseNext > 0) { refuseNext--; const e = Object.assign(new Error("try again later"), { responseCode: 451 }); return cb(e); }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => { received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") }); cb(); });
    },
  });
  return {
    received,
    refuse(n: number) { refuseNext = n; },
    listen: () => new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.server.address() as AddressInfo).port))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Decode a quoted-printable / base64 mail body enough to read it (nodemailer picks the encoding). */
function bodyOf(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  if (/content-transfer-encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/content-transfer-encoding: quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

describe("e-mail through a local SMTP server", () => {
  let database: TestDatabase;
  let server: RunningServer;
  const smtp = localSmtp();

  beforeAll(async () => {
    const port = await smtp.listen();
    process.env.SANAD_SMTP_URL = `smtp://127.0.0.1:${port}`;
    process.env.SANAD_MAIL_FROM = "Sanad Test <sanad@test.local>";
    database = await createTestDatabase("sqlite");
    server = await startTestServer(database.url, { webhooks: false, mail: { pollMs: 50, baseDelayMs: 50, maxDelayMs: 200 } });
  });
  afterEach(() => { smtp.received.length = 0; });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
    await smtp.close();
    delete process.env.SANAD_SMTP_URL;
    delete process.env.SANAD_MAIL_FROM;
  });

  it("an assignment e-mails the assignee in their own language, with a link to the claim", async () => {
    const alice = await createUser(server.db, "editor", "Alice");
    const layla = await createUser(server.db, "editor", "ليلى");
    layla.email = "layla@test.local";
    await server.db.user.update({ where: { id: layla.id }, data: { locale: "ar", email: layla.email } });
    const body = "Officials said the deal would create 8,000 jobs.";
    const articleId = (await createArticle(server.db, body)).id;
    const a = connectClient(server, articleId, alice.cookie);
    await a.synced();
    const start = body.indexOf("8,000");
    const claimId = addClaim(a.doc, body, { type: "number", start, end: start + 5 }, { id: alice.id, name: alice.name });
    assignClaim(a.doc, claimId, layla.id, { id: alice.id, name: alice.name });
    await roomHas(server, articleId, a.doc);
    await waitFor(() => smtp.received.length === 1, "the e-mail", 10_000);
    const mail = smtp.received[0];
    expect(mail.to).toEqual([layla.email]);
    const text = bodyOf(mail.raw);
    expect(text).toContain(`كلّفك ${alice.name} بادعاء في «Test article»`);
    expect(text).toContain(`/articles/${articleId}?claim=${claimId}`);
    await waitFor(async () => (await server.db.mailMessage.findFirstOrThrow({ where: { to: layla.email } })).status === "sent", "sent status");
    // Layla switches e-mail off: the next assignment is in her bell only.
    await setNotificationSettings({ db: server.db, actor: { id: layla.id, name: layla.name, role: "editor" }, input: { email: false } });
    const claim2 = addClaim(a.doc, body, { type: "number", start: 0, end: 9 }, { id: alice.id, name: alice.name });
    assignClaim(a.doc, claim2, layla.id, { id: alice.id, name: alice.name });
    await roomHas(server, articleId, a.doc);
    await waitFor(async () => (await server.db.notification.count({ where: { userId: layla.id } })) === 2, "second notification");
    await server.mail?.idle();
    expect(await server.db.mailMessage.count({ where: { to: layla.email } })).toBe(1);
    a.destroy();
  });

  it("a refused delivery is retried with back-off and then sent; invalid addresses and header injection are refused", async () => {
    smtp.refuse(2);
    const id = await sendMail({ db: server.db, to: "someone@test.local", subject: "Invitation", text: "Hello" });
    await waitFor(async () => (await server.db.mailMessage.findUniqueOrThrow({ where: { id: id! } })).status !== "pending", "the retried e-mail", 10_000);
    expect(await server.db.mailMessage.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    expect(smtp.received.map((m) => m.to)).toEqual([["someone@test.local"]]);
    await expect(sendMail({ db: server.db, to: "not an address", subject: "x", text: "y" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(sendMail({ db: server.db, to: "a@test.local", subject: "x\r\nBcc: victim@test.local", text: "y" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
