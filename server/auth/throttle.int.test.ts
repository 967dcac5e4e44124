import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../main";
import { createTestDatabase, createUser, databaseKinds, startTestServer, type TestDatabase } from "../test-support/harness";
import { authOptions, THROTTLED_ERROR } from "./options";
import { DEFAULT_THROTTLE, SignInThrottle } from "./throttle";

/** next-auth's credentials authorize(), as its callback route calls it, from a given address. */
function attempt(email: string, password: string, address: string) {
  const provider = authOptions().providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<unknown> } };
  return provider.options.authorize({ email, password }, { headers: { "x-sanad-client-address": address } });
}

for (const kind of databaseKinds()) {
  describe(`sign-in throttling (${kind})`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
      server = await startTestServer(database.url);
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    it("delays a guesser's address progressively, but never locks the account's owner out", async () => {
      const victim = await createUser(server.db, "editor");
      // 12 wrong passwords from the attacker's address (the old throttle locked the account after 10).
      let refused = 0;
      for (let i = 0; i < 12; i++) {
        try {
          expect(await attempt(victim.email, `wrong-${i}`, "198.51.100.66")).toBeNull();
        } catch (e) {
          expect((e as Error).message).toBe(THROTTLED_ERROR);
          refused++;
        }
      }
      expect(refused).toBeGreaterThan(0);
      const throttle = new SignInThrottle(server.db);
      expect(await throttle.waitMs(victim.email, "198.51.100.66")).toBeGreaterThan(0);
      // Even the right password is not checked from the delayed address...
      await expect(attempt(victim.email, "pw", "198.51.100.66")).rejects.toThrow(THROTTLED_ERROR);
      // ...while the owner, from their own address, signs in at once.
      expect(await attempt(victim.email, "pw", "203.0.113.10")).toMatchObject({ id: victim.id });
    });

    it("slows spraying across accounts from one address, and the counts survive a restart", async () => {
      const address = "192.0.2.200";
      const t = new SignInThrottle(server.db);
      for (let i = 0; i < DEFAULT_THROTTLE.addressFree; i++) await t.fail(`sprayed-${i}@test.local`, address);
      // A brand-new throttle (another process, or after a restart) reads the same rows.
      const elsewhere = new SignInThrottle(server.db);
      expect(await elsewhere.waitMs("someone-new@test.local", address)).toBeGreaterThan(0);
      expect(await elsewhere.waitMs("someone-new@test.local", "192.0.2.201")).toBe(0);
    });

    it("a success clears the account's count", async () => {
      const user = await createUser(server.db, "viewer");
      const t = new SignInThrottle(server.db);
      for (let i = 0; i < DEFAULT_THROTTLE.accountFree; i++) await t.fail(user.email, "203.0.113.50");
      expect(await t.waitMs(user.email, "203.0.113.50")).toBeGreaterThan(0);
      await t.succeed(user.email, "203.0.113.50");
      expect(await t.waitMs(user.email, "203.0.113.50")).toBe(0);
    });
  });
}
