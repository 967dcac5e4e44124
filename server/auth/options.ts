import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import { z } from "zod";
import { getDb } from "../db/client";
import { NO_ROLE, parseRole } from "../../lib/policies";
import { verifyPassword } from "./passwords";
import { SignInThrottle } from "./throttle";
import { revokeSessions } from "./session-changes";
import { CLIENT_ADDRESS_HEADER } from "../http/client-address";

/** Thrown from authorize(): next-auth hands its message to the form as the error code. */
export const THROTTLED_ERROR = "Throttled";

const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

function providers(): AuthOptions["providers"] {
  const list: AuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) return null;
        // main.ts sets this header from the socket (and trusted proxies) on every request.
        const header = req?.headers?.[CLIENT_ADDRESS_HEADER];
        const address = (Array.isArray(header) ? header[0] : header) || "unknown";
        const { email, password } = parsed.data;
        const throttle = new SignInThrottle(getDb());
        if ((await throttle.waitMs(email, address)) > 0) throw new Error(THROTTLED_ERROR);
        const user = await getDb().user.findUnique({ where: { email } });
        const ok = await verifyPassword(password, user?.passwordHash);
        // A deactivated account gets exactly the wrong-password answer (no account enumeration).
        if (!user || !ok || user.deactivatedAt) {
          await throttle.fail(email, address);
          return null;
        }
        await throttle.succeed(email, address);
        return { id: user.id, name: user.name, email: user.email };
      },
    }),
  ];
  if (process.env.GITHUB_ID && process.env.GITHUB_SECRET) {
    list.push(GitHubProvider({ clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET }));
  }
  if (process.env.OIDC_ISSUER && process.env.OIDC_CLIENT_ID && process.env.OIDC_CLIENT_SECRET) {
    list.push({
      id: "oidc",
      name: process.env.OIDC_NAME || "Single sign-on",
      type: "oauth",
      wellKnown: `${process.env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: process.env.OIDC_CLIENT_ID,
      clientSecret: process.env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(profile: { sub: string; name?: string; email?: string; picture?: string }) {
        return { id: profile.sub, name: profile.name ?? profile.email ?? profile.sub, email: profile.email ?? null, image: profile.picture ?? null };
      },
    });
  }
  return list;
}

/**
 * next-auth's Prisma adapter, except that an account created by a first single sign-on has no
 * role (NO_ROLE): anyone can hold a GitHub account, or one at a public OIDC issuer, so signing in
 * through one must not open the newsroom's unpublished work. An admin gives the person a role on
 * /admin/users; until then every request treats them as signed out and the sign-in page says why.
 */
function oauthAdapter(): AuthOptions["adapter"] {
  const db = getDb();
  const base = PrismaAdapter(db as never) as NonNullable<AuthOptions["adapter"]>;
  return {
    ...base,
    createUser: async (data: object) => (await db.user.create({ data: { ...data, role: NO_ROLE } })) as never,
  };
}

const oauthEnabled = () => !!(process.env.GITHUB_ID || process.env.OIDC_ISSUER);

/**
 * next-auth 4 with JWT sessions: the collaboration server verifies the same cookie on the
 * WebSocket upgrade. Tokens carry the user's session version (`sv`); Sanad checks it and
 * reads the role from the database on every request (server/auth/session.ts), and signing out
 * bumps the version, so a copied cookie stops working everywhere at once.
 */
export function authOptions(): AuthOptions {
  return {
    adapter: oauthEnabled() ? oauthAdapter() : undefined,
    providers: providers(),
    session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
    pages: { signIn: "/signin" },
    secret: process.env.NEXTAUTH_SECRET,
    events: {
      // Signing out ends every session of the user (JWTs cannot be recalled one by one).
      async signOut({ token }) {
        if (token?.sub) await revokeSessions({ db: getDb(), userId: token.sub, ifVersion: typeof token.sv === "number" ? token.sv : 0 });
      },
    },
    callbacks: {
      // Single sign-on too: a deactivated account is refused (credentials are refused in authorize).
      async signIn({ user }) {
        if (!user?.id) return true;
        const row = await getDb().user.findUnique({ where: { id: user.id }, select: { deactivatedAt: true } });
        return !row?.deactivatedAt;
      },
      async jwt({ token, user }) {
        const id = (user?.id as string | undefined) ?? token.sub;
        if (!id) return token;
        const row = await getDb().user.findUnique({ where: { id }, select: { role: true, name: true, sessionVersion: true, deactivatedAt: true } });
        if (user) token.sv = row?.sessionVersion ?? 0;
        // A revoked token: next-auth answers the session endpoint with no session and clears the cookie.
        else if (!row || row.deactivatedAt || (typeof token.sv === "number" ? token.sv : 0) !== row.sessionVersion) throw new Error("session revoked");
        token.sub = id;
        token.role = parseRole(row?.role) ?? "viewer";
        if (row?.name) token.name = row.name;
        return token;
      },
      async session({ session, token }) {
        if (session.user) {
          session.user.id = token.sub ?? "";
          session.user.role = parseRole(token.role) ?? "viewer";
          if (typeof token.name === "string") session.user.name = token.name;
        }
        return session;
      },
    },
  };
}
