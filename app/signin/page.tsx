import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor } from "@/server/auth/session";
import { SignInForm } from "@/components/SignInForm";
import { authOptions } from "@/server/auth/options";
import { safeReturnPath } from "@/lib/safe-return";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

/** Only paths on this app's origin are accepted as a return address (no open redirect). */
function safeReturn(value: string | string[] | undefined): string {
  return safeReturnPath(value, process.env.NEXTAUTH_URL || "http://localhost");
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeReturn(params.callbackUrl);
  if (await currentActor()) redirect(callbackUrl);
  const demo = !process.env.DATABASE_URL?.startsWith("postgres") && process.env.SANAD_DEMO !== "0";
  const oauth = authOptions().providers.filter((p) => p.type === "oauth").map((p) => ({ id: p.id, name: p.name }));
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6">
      <h1 className="text-3xl font-semibold">Sanad <span lang="ar" className="font-[family-name:var(--font-arabic)]">سند</span></h1>
      <p className="mt-2 text-slate-600">Collaborative fact-checking. Sign in to open your team&apos;s articles.</p>
      <SignInForm callbackUrl={callbackUrl} error={typeof params.error === "string" ? params.error : undefined} oauth={oauth} />
      {demo && (
        <p className="mt-6 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          Demo accounts: <code>editor@sanad.local</code>, <code>editor2@sanad.local</code>, <code>reviewer@sanad.local</code>,{" "}
          <code>admin@sanad.local</code>, <code>viewer@sanad.local</code> — password <code>sanad-demo</code> unless changed.
        </p>
      )}
    </main>
  );
}
