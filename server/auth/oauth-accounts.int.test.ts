import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import type { Adapter } from "next-auth/adapters";
import { GET as listArticles } from "../../app/api/articles/route";
import { createApiToken } from "../api/create-api-token";
import { setUserRole } from "../users/set-user-role";
import { asActor, databaseKinds, serverPerSuite } from "../test-support/harness";
import { actorFromCookieHeader, signedInWithoutRole } from "./session";
import { authOptions } from "./options";

/**
 * Single sign-on through GitHub (or an OIDC issuer such as Google) is open to anyone with an
 * account there. A first sign-in creates a Sanad account; it used to be a viewer, so anyone on
 * GitHub could read every unpublished article, its claims and comments, and export them. Now
 * it has no role — no access — until an admin gives it one.
 */
for (const kind of databaseKinds()) {
  describe(`first single sign-on on ${kind}`, () => {
    const suite = serverPerSuite(kind, ["admin"] as const);
    const saved = { id: process.env.GITHUB_ID, secret: process.env.GITHUB_SECRET };
    beforeAll(() => {
      process.env.GITHUB_ID = "test-client";
      process.env.GITHUB_SECRET = "test-secret";
    });
    afterAll(() => {
      for (const [key, value] of [["GITHUB_ID", saved.id], ["GITHUB_SECRET", saved.secret]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    });

    it("creates an account with no access until an admin gives it a role", async () => {
      const adapter = authOptions().adapter as Adapter;
      // What next-auth's OAuth callback passes for a profile it has not seen before.
      const created = await adapter.createUser!({ name: "Stranger", email: `stranger-${kind}@example.com`, image: null, emailVerified: null } as never);
      const row = await suite.server.db.user.findUniqueOrThrow({ where: { id: created.id } });
      expect(row.role).toBe("none");
      const cookie = `next-auth.session-token=${await encode({ token: { sub: row.id, name: row.name, email: row.email, sv: 0 }, secret: process.env.NEXTAUTH_SECRET! })}`;
      expect(await actorFromCookieHeader(cookie)).toBeNull();
      expect((await listArticles(new Request("http://localhost/api/articles", { headers: { cookie } }), undefined as never)).status).toBe(401);
      // the sign-in page can say why, instead of showing the form again without a word
      expect(await signedInWithoutRole(cookie)).toBe(true);
      expect(await signedInWithoutRole(suite.users.admin.cookie)).toBe(false);
      expect(await signedInWithoutRole(null)).toBe(false);

      await setUserRole({ db: suite.server.db, actor: asActor(suite.users.admin), userId: row.id, input: { role: "viewer" }, sink: () => {} });
      // a role change bumps nothing here: the same cookie now opens the workspace read-only
      expect(await actorFromCookieHeader(cookie)).toMatchObject({ id: row.id, role: "viewer" });
      expect(await signedInWithoutRole(cookie)).toBe(false);
      await expect(createApiToken({ db: suite.server.db, actor: (await actorFromCookieHeader(cookie))!, input: { name: "x", scopes: "read write" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });
}
