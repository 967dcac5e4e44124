import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloseCode } from "../../lib/close-codes";
import { INVITATION_TTL_MS } from "../../lib/accounts";
import type { RunningServer } from "../main";
import { hashToken } from "../api/token-secret";
import { createApiToken } from "../api/create-api-token";
import { authOptions } from "../auth/options";
import { DEFAULT_THROTTLE } from "../auth/throttle";
import { setUserRole } from "../users/set-user-role";
import { asActor, createArticle, createTestDatabase, createUser, databaseKinds, rawSocket, startTestServer, type TestDatabase, type TestUser } from "../test-support/harness";
import { acceptInvitation } from "./accept-invitation";
import { createInvitation } from "./create-invitation";
import { inspectAccountLink } from "./inspect-account-link";
import { listPendingInvitations } from "./list-invitations";
import { createPasswordReset, resetPasswordWithToken } from "./password-reset";
import { revokeAccountToken } from "./revoke-account-token";
import { setAccountActive } from "./set-account-active";
import { invitationMessage } from "./invitation-message";
import * as invitationsRoute from "../../app/api/admin/invitations/route";
import * as linkRoute from "../../app/api/admin/account-links/[id]/route";
import * as acceptRoute from "../../app/api/invitations/accept/route";
import * as resetAcceptRoute from "../../app/api/password-resets/accept/route";
import * as activeRoute from "../../app/api/users/[id]/active/route";
import * as resetRoute from "../../app/api/users/[id]/password-reset/route";
import * as passwordRoute from "../../app/api/account/password/route";
import { GET as listArticles } from "../../app/api/articles/route";
import { GET as listV1Articles } from "../../app/api/v1/articles/route";

const ORIGIN = "https://sanad.example.org";
const params = <T extends object>(p: T) => ({ params: Promise.resolve(p) });
const tokenOf = (link: string) => link.slice(link.lastIndexOf("/") + 1);
const NEW_PASSWORD = "a long new passphrase";

/** A request as the browser would send it (same-origin), from a client address. */
function request(path: string, opts: { cookie?: string; method?: string; body?: unknown; origin?: string; address?: string; bearer?: string } = {}): Request {
  const headers: Record<string, string> = { origin: opts.origin ?? ORIGIN, "x-sanad-client-address": opts.address ?? "203.0.113.1" };
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.bearer) headers.authorization = `Bearer ${opts.bearer}`;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  return new Request(`${ORIGIN}${path}`, { method: opts.method ?? "GET", headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
}

/** next-auth's credentials authorize(), as its callback route calls it. */
function signIn(email: string, password: string, address = "203.0.113.9") {
  const provider = authOptions().providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<unknown> } };
  return provider.options.authorize({ email, password }, { headers: { "x-sanad-client-address": address } });
}

const cookieWorks = async (cookie: string) => (await listArticles(request("/api/articles", { cookie }), undefined as never)).status;

let savedUrl: string | undefined;
beforeAll(() => {
  savedUrl = process.env.NEXTAUTH_URL;
  process.env.NEXTAUTH_URL = ORIGIN;
});
afterAll(() => {
  if (savedUrl === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = savedUrl;
});

for (const kind of databaseKinds()) {
  describe(`account lifecycle (${kind})`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let admin: TestUser;
    let articleId: string;

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      server = await startTestServer(database.url, { webhooks: false });
      admin = await createUser(server.db, "admin");
      articleId = (await createArticle(server.db)).id;
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    const invite = async (email: string, role = "editor", now?: Date) =>
      createInvitation({ db: server.db, actor: asActor(admin), input: { email, role }, origin: "http://ignored", now });

    it("an invitation is created by an admin, stored only as a hash, accepted once, and the account signs in with its role", async () => {
      const res = await invitationsRoute.POST(request("/api/admin/invitations", { method: "POST", cookie: admin.cookie, body: { email: "New.Person@Example.org", role: "reviewer" } }), undefined as never);
      expect(res.status).toBe(201);
      const created = (await res.json()) as { id: string; link: string; email: string };
      expect(created.email).toBe("new.person@example.org");
      expect(created.link.startsWith(`${ORIGIN}/invite/`)).toBe(true);
      const token = tokenOf(created.link);
      const row = await server.db.accountToken.findUniqueOrThrow({ where: { id: created.id } });
      expect(row.tokenHash).toBe(hashToken(token));
      expect(JSON.stringify(row)).not.toContain(token);

      const listed = (await (await invitationsRoute.GET(request("/api/admin/invitations", { cookie: admin.cookie }), undefined as never)).json()) as Array<{ id: string; email: string }>;
      expect(listed.map((i) => i.id)).toContain(created.id);
      expect(JSON.stringify(listed)).not.toContain(token);
      expect(await inspectAccountLink({ db: server.db, kind: "invitation", token, address: "203.0.113.2" })).toMatchObject({ state: "valid", email: "new.person@example.org", role: "reviewer" });
      // The same secret is not a reset link.
      expect((await inspectAccountLink({ db: server.db, kind: "password_reset", token, address: "203.0.113.2" })).state).toBe("unknown");

      // The password rule is enforced by the server, and a refused attempt does not use the link.
      const short = await acceptRoute.POST(request("/api/invitations/accept", { method: "POST", body: { token, name: "Nour", password: "short" } }), undefined as never);
      expect(short.status).toBe(400);

      const accepted = await acceptRoute.POST(request("/api/invitations/accept", { method: "POST", body: { token, name: "نور الهدى", password: NEW_PASSWORD } }), undefined as never);
      expect(accepted.status).toBe(201);
      const user = await server.db.user.findUniqueOrThrow({ where: { email: "new.person@example.org" } });
      expect(user).toMatchObject({ name: "نور الهدى", role: "reviewer", deactivatedAt: null });
      expect(await signIn("new.person@example.org", NEW_PASSWORD)).toMatchObject({ id: user.id });
      expect((await listPendingInvitations({ db: server.db, actor: asActor(admin) })).map((i) => i.id)).not.toContain(created.id);

      // Reuse is refused and creates nothing.
      const again = await acceptRoute.POST(request("/api/invitations/accept", { method: "POST", body: { token, name: "Someone else", password: NEW_PASSWORD } }), undefined as never);
      expect(again.status).toBe(409);
      expect(((await again.json()) as { reason: string }).reason).toBe("linkUsed");
      expect(await server.db.user.count({ where: { email: "new.person@example.org" } })).toBe(1);
      expect((await inspectAccountLink({ db: server.db, kind: "invitation", token, address: "203.0.113.2" })).state).toBe("used");

      const audit = await server.db.auditEvent.findMany({ where: { action: { in: ["account.invited", "account.invitation_accepted"] } }, orderBy: { createdAt: "asc" } });
      expect(audit.map((a) => [a.action, a.actorId])).toEqual([["account.invited", admin.id], ["account.invitation_accepted", user.id]]);
    });

    it("expired and revoked invitations are refused with their reason and create no account", async () => {
      const expired = await invite("late@example.org", "editor", new Date(Date.now() - INVITATION_TTL_MS - 60_000));
      await expect(acceptInvitation({ db: server.db, input: { token: tokenOf(expired.link), name: "Late", password: NEW_PASSWORD }, address: "203.0.113.3" })).rejects.toMatchObject({ code: "CONFLICT", reason: { key: "linkExpired" } });
      expect((await inspectAccountLink({ db: server.db, kind: "invitation", token: tokenOf(expired.link), address: "203.0.113.3" })).state).toBe("expired");

      const revoked = await invite("withdrawn@example.org");
      const del = await linkRoute.DELETE(request(`/api/admin/account-links/${revoked.id}`, { method: "DELETE", cookie: admin.cookie }), params({ id: revoked.id }));
      expect(del.status).toBe(200);
      const res = await acceptRoute.POST(request("/api/invitations/accept", { method: "POST", body: { token: tokenOf(revoked.link), name: "W", password: NEW_PASSWORD } }), undefined as never);
      expect(res.status).toBe(409);
      expect(((await res.json()) as { reason: string }).reason).toBe("linkRevoked");
      // A second invitation to the same address withdraws the first.
      const first = await invite("twice@example.org");
      await invite("twice@example.org");
      await expect(acceptInvitation({ db: server.db, input: { token: tokenOf(first.link), name: "T", password: NEW_PASSWORD }, address: "203.0.113.3" })).rejects.toMatchObject({ reason: { key: "linkRevoked" } });
      expect(await server.db.user.count({ where: { email: { in: ["late@example.org", "withdrawn@example.org", "twice@example.org"] } } })).toBe(0);
    });

    it("of concurrent accepts of one invitation exactly one creates an account", async () => {
      const created = await invite("race@example.org", "viewer");
      const token = tokenOf(created.link);
      const results = await Promise.allSettled([0, 1, 2, 3].map((i) => acceptInvitation({ db: server.db, input: { token, name: `Racer ${i}`, password: NEW_PASSWORD }, address: `203.0.113.${40 + i}` })));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await server.db.user.count({ where: { email: "race@example.org" } })).toBe(1);
    });

    it("an address that already has an account cannot be invited, deactivated or not", async () => {
      const existing = await createUser(server.db, "editor");
      await expect(invite(existing.email)).rejects.toMatchObject({ code: "CONFLICT", reason: { key: "accountExists" } });
      await setAccountActive({ db: server.db, actor: asActor(admin), userId: existing.id, input: { active: false }, sink: () => {} });
      await expect(invite(existing.email.toUpperCase())).rejects.toMatchObject({ code: "CONFLICT" });
    });

    it("guessing links is throttled per address; a cross-site accept is refused", async () => {
      const address = "198.51.100.77";
      let throttled = false;
      for (let i = 0; i <= DEFAULT_THROTTLE.addressFree && !throttled; i++) {
        const guess = Buffer.alloc(32, i).toString("base64url");
        try {
          await acceptInvitation({ db: server.db, input: { token: guess, name: "G", password: NEW_PASSWORD }, address });
        } catch (e) {
          if ((e as { code?: string }).code === "RATE_LIMITED") throttled = true;
          else expect(e).toMatchObject({ code: "NOT_FOUND" });
        }
      }
      expect(throttled).toBe(true);
      // The guessing address is refused even with a real link; elsewhere the link works.
      const real = await invite("patient@example.org");
      expect(await inspectAccountLink({ db: server.db, kind: "invitation", token: tokenOf(real.link), address })).toEqual({ state: "throttled" });
      const cross = await acceptRoute.POST(request("/api/invitations/accept", { method: "POST", origin: "https://evil.example", body: { token: tokenOf(real.link), name: "P", password: NEW_PASSWORD } }), undefined as never);
      expect(cross.status).toBe(403);
      await acceptInvitation({ db: server.db, input: { token: tokenOf(real.link), name: "P", password: NEW_PASSWORD }, address: "203.0.113.60" });
    });

    it("deactivation ends sessions at once: cookie refused, API token refused, socket closed 4401, sign-in refused like a wrong password", async () => {
      const editor = await createUser(server.db, "editor");
      const apiToken = (await createApiToken({ db: server.db, actor: asActor(editor), input: { name: "script", scopes: "read" } })).token;
      expect(await cookieWorks(editor.cookie)).toBe(200);
      expect((await listV1Articles(request("/api/v1/articles", { bearer: apiToken }), undefined as never)).status).toBe(200);
      const socket = rawSocket(server, articleId, editor.cookie);
      await socket.opened;

      const res = await activeRoute.PUT(request(`/api/users/${editor.id}/active`, { method: "PUT", cookie: admin.cookie, body: { active: false } }), params({ id: editor.id }));
      expect(res.status).toBe(200);
      expect((await socket.closed).code).toBe(CloseCode.Unauthenticated);
      expect(await cookieWorks(editor.cookie)).toBe(401);
      expect((await listV1Articles(request("/api/v1/articles", { bearer: apiToken }), undefined as never)).status).toBe(401);
      expect((await rawSocket(server, articleId, editor.cookie).closed).code).toBe(CloseCode.Unauthenticated);
      // Same answer as a wrong password (null), not an error that tells the account exists.
      expect(await signIn(editor.email, "pw")).toBeNull();
      expect(await signIn(editor.email, "wrong")).toBeNull();
      // next-auth's own session endpoint refuses the old token too.
      await expect(authOptions().callbacks!.jwt!({ token: { sub: editor.id, sv: 1 } } as never)).rejects.toThrow(/revoked/);
      // No reset link for a deactivated account.
      await expect(createPasswordReset({ db: server.db, actor: asActor(admin), userId: editor.id, origin: ORIGIN })).rejects.toMatchObject({ code: "CONFLICT" });

      // Reactivated: signing in works again; the old cookie stays ended.
      await setAccountActive({ db: server.db, actor: asActor(admin), userId: editor.id, input: { active: true }, sink: () => {} });
      expect(await signIn(editor.email, "pw")).toMatchObject({ id: editor.id });
      expect(await cookieWorks(editor.cookie)).toBe(401);
      expect((await listV1Articles(request("/api/v1/articles", { bearer: apiToken }), undefined as never)).status).toBe(200);
      const audit = await server.db.auditEvent.findMany({ where: { action: { in: ["account.deactivated", "account.reactivated"] }, actorId: admin.id } });
      expect(audit.filter((a) => (a.after as { userId?: string }).userId === editor.id).map((a) => a.action).sort()).toEqual(["account.deactivated", "account.reactivated"]);
    });

    it("an admin's reset link sets a new password once and ends every session of that person", async () => {
      const editor = await createUser(server.db, "editor");
      const socket = rawSocket(server, articleId, editor.cookie);
      await socket.opened;
      const older = await createPasswordReset({ db: server.db, actor: asActor(admin), userId: editor.id, origin: ORIGIN });
      const res = await resetRoute.POST(request(`/api/users/${editor.id}/password-reset`, { method: "POST", cookie: admin.cookie }), params({ id: editor.id }));
      expect(res.status).toBe(201);
      const { link } = (await res.json()) as { link: string };
      expect(link.startsWith(`${ORIGIN}/reset/`)).toBe(true);
      // The newer link withdrew the older one.
      await expect(resetPasswordWithToken({ db: server.db, input: { token: tokenOf(older.link), password: NEW_PASSWORD }, address: "203.0.113.5" })).rejects.toMatchObject({ reason: { key: "linkRevoked" } });
      expect(await signIn(editor.email, "pw")).toMatchObject({ id: editor.id });

      const used = await resetAcceptRoute.POST(request("/api/password-resets/accept", { method: "POST", body: { token: tokenOf(link), password: NEW_PASSWORD } }), undefined as never);
      expect(used.status).toBe(200);
      expect((await socket.closed).code).toBe(CloseCode.Unauthenticated);
      expect(await cookieWorks(editor.cookie)).toBe(401);
      expect(await signIn(editor.email, "pw")).toBeNull();
      expect(await signIn(editor.email, NEW_PASSWORD)).toMatchObject({ id: editor.id });
      const again = await resetAcceptRoute.POST(request("/api/password-resets/accept", { method: "POST", body: { token: tokenOf(link), password: "another long passphrase" } }), undefined as never);
      expect(again.status).toBe(409);
      expect(await signIn(editor.email, NEW_PASSWORD)).toMatchObject({ id: editor.id });
      expect(await server.db.auditEvent.count({ where: { action: "account.password_reset_used", actorId: editor.id } })).toBe(1);
      // Not for oneself: that is the Account page, which asks for the current password.
      await expect(createPasswordReset({ db: server.db, actor: asActor(admin), userId: admin.id, origin: ORIGIN })).rejects.toMatchObject({ code: "CONFLICT" });
    });

    it("changing one's own password needs the current one, ends the other sessions and keeps this one (re-issued cookie)", async () => {
      const editor = await createUser(server.db, "editor");
      const other = (await createUser(server.db, "viewer")).cookie; // unrelated person: unaffected
      // A second session of the same person (another device): the same claims, its own cookie.
      const { encode } = await import("next-auth/jwt");
      const secondDevice = `next-auth.session-token=${await encode({ token: { sub: editor.id, name: editor.name, email: editor.email }, secret: process.env.NEXTAUTH_SECRET! })}`;
      const socket = rawSocket(server, articleId, secondDevice);
      await socket.opened;

      const wrong = await passwordRoute.POST(request("/api/account/password", { method: "POST", cookie: editor.cookie, body: { currentPassword: "not it", newPassword: NEW_PASSWORD } }), undefined as never);
      expect(wrong.status).toBe(400);
      expect(((await wrong.json()) as { reason: string }).reason).toBe("wrongCurrentPassword");
      const weak = await passwordRoute.POST(request("/api/account/password", { method: "POST", cookie: editor.cookie, body: { currentPassword: "pw", newPassword: "short" } }), undefined as never);
      expect(weak.status).toBe(400);
      expect(await cookieWorks(secondDevice)).toBe(200);

      const res = await passwordRoute.POST(request("/api/account/password", { method: "POST", cookie: editor.cookie, body: { currentPassword: "pw", newPassword: NEW_PASSWORD } }), undefined as never);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ changed: true, sessionKept: true });
      const setCookie = res.headers.get("set-cookie") ?? "";
      const reissued = /^(next-auth\.session-token=[^;]+)/.exec(setCookie)?.[1];
      expect(reissued).toBeTruthy();
      expect(setCookie).toMatch(/HttpOnly/i);

      expect((await socket.closed).code).toBe(CloseCode.Unauthenticated);
      expect(await cookieWorks(secondDevice)).toBe(401);
      expect(await cookieWorks(editor.cookie)).toBe(401);
      expect(await cookieWorks(reissued!)).toBe(200);
      expect(await cookieWorks(other)).toBe(200);
      expect(await signIn(editor.email, "pw")).toBeNull();
      expect(await signIn(editor.email, NEW_PASSWORD)).toMatchObject({ id: editor.id });
      expect(await server.db.auditEvent.count({ where: { action: "account.password_changed", actorId: editor.id } })).toBe(1);
    });

    it("editors and reviewers cannot invite, withdraw, deactivate or reset; nobody can deactivate themselves", async () => {
      const target = await createUser(server.db, "viewer");
      const pending = await invite("policy@example.org");
      for (const role of ["editor", "reviewer"] as const) {
        const u = await createUser(server.db, role);
        const forbidden = { code: "FORBIDDEN" };
        await expect(createInvitation({ db: server.db, actor: asActor(u), input: { email: "x@example.org", role: "admin" }, origin: ORIGIN })).rejects.toMatchObject(forbidden);
        await expect(listPendingInvitations({ db: server.db, actor: asActor(u) })).rejects.toMatchObject(forbidden);
        await expect(revokeAccountToken({ db: server.db, actor: asActor(u), id: pending.id })).rejects.toMatchObject(forbidden);
        await expect(setAccountActive({ db: server.db, actor: asActor(u), userId: target.id, input: { active: false } })).rejects.toMatchObject(forbidden);
        await expect(createPasswordReset({ db: server.db, actor: asActor(u), userId: target.id, origin: ORIGIN })).rejects.toMatchObject(forbidden);
        // And through the routes, with a real session cookie.
        expect((await invitationsRoute.POST(request("/api/admin/invitations", { method: "POST", cookie: u.cookie, body: { email: "y@example.org", role: "admin" } }), undefined as never)).status).toBe(403);
        expect((await activeRoute.PUT(request(`/api/users/${target.id}/active`, { method: "PUT", cookie: u.cookie, body: { active: false } }), params({ id: target.id }))).status).toBe(403);
        expect((await resetRoute.POST(request(`/api/users/${target.id}/password-reset`, { method: "POST", cookie: u.cookie }), params({ id: target.id }))).status).toBe(403);
        expect((await linkRoute.DELETE(request(`/api/admin/account-links/${pending.id}`, { method: "DELETE", cookie: u.cookie }), params({ id: pending.id }))).status).toBe(403);
      }
      // A cross-site form cannot make an admin deactivate someone.
      expect((await activeRoute.PUT(request(`/api/users/${target.id}/active`, { method: "PUT", origin: "https://evil.example", cookie: admin.cookie, body: { active: false } }), params({ id: target.id }))).status).toBe(403);
      await expect(setAccountActive({ db: server.db, actor: asActor(admin), userId: admin.id, input: { active: false } })).rejects.toMatchObject({ code: "CONFLICT", reason: { key: "ownAccount" } });
      expect(await server.db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ deactivatedAt: null });
      expect(await server.db.accountToken.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ revokedAt: null });
    });
  });

  describe(`the last active admin (${kind})`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
      server = await startTestServer(database.url, { webhooks: false });
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    it("can be neither deactivated nor demoted, even by two admins removing each other at once", async () => {
      const a = await createUser(server.db, "admin");
      const b = await createUser(server.db, "admin");
      const noSink = () => {};
      // Two admins deactivate each other concurrently: exactly one succeeds.
      const results = await Promise.allSettled([
        setAccountActive({ db: server.db, actor: asActor(a), userId: b.id, input: { active: false }, sink: noSink }),
        setAccountActive({ db: server.db, actor: asActor(b), userId: a.id, input: { active: false }, sink: noSink }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const active = await server.db.user.findMany({ where: { role: "admin", deactivatedAt: null } });
      expect(active).toHaveLength(1);
      const [survivor] = active;
      const gone = survivor.id === a.id ? b : a;
      // The deactivated admin's stale actor cannot remove the survivor either way.
      await expect(setAccountActive({ db: server.db, actor: asActor(gone), userId: survivor.id, input: { active: false }, sink: noSink })).rejects.toMatchObject({ code: "CONFLICT", reason: { key: "lastAdmin" } });
      await expect(setUserRole({ db: server.db, actor: asActor(gone), userId: survivor.id, input: { role: "editor" }, sink: noSink })).rejects.toMatchObject({ code: "CONFLICT", reason: { key: "lastAdmin" } });
      expect(await server.db.user.count({ where: { role: "admin", deactivatedAt: null } })).toBe(1);
      // With another active admin, demotion works.
      const c = await createUser(server.db, "admin");
      await setUserRole({ db: server.db, actor: asActor(c), userId: survivor.id, input: { role: "editor" }, sink: noSink });
    });
  });
}

describe("invitation e-mail text", () => {
  it("is written in English and in Arabic with the link, role and inviter", () => {
    const input = { link: `${ORIGIN}/invite/abc`, role: "reviewer" as const, inviterName: "Huda", expiresAt: "2026-12-06T10:00:00.000Z" };
    const en = invitationMessage({ ...input, locale: "en" });
    expect(en.subject).toContain("Huda");
    expect(en.text).toContain(input.link);
    expect(en.text).toContain("as reviewer");
    const ar = invitationMessage({ ...input, locale: "ar", inviterName: null });
    expect(ar.subject).toMatch(/[\u0600-\u06FF]/);
    expect(ar.text).toContain(input.link);
    expect(ar.text).toContain("أحد المشرفين");
    expect(ar.text).not.toContain("{");
  });
});
