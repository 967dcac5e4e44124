import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import type { AccountTokenKind } from "@/lib/accounts";
import { getDb } from "@/server/db/client";
import { inspectAccountLink } from "@/server/accounts/inspect-account-link";
import { CLIENT_ADDRESS_HEADER } from "@/server/http/client-address";
import { requestLocale } from "@/server/i18n/request-locale";
import { AccountLinkPage } from "@/components/AccountLinkPage";

/**
 * The page behind a single-use account link (/invite/<token>, /reset/<token>): one page, the
 * kind of link its only difference. Each route file passes its kind and keeps `dynamic`.
 */
export function accountLinkRoute(kind: AccountTokenKind) {
  /** The secret is in the address: never send it to another site as a Referer, never index it. */
  async function generateMetadata(): Promise<Metadata> {
    const t = await getTranslations("accountLink");
    return { title: t(kind === "invitation" ? "inviteTitle" : "resetTitle"), referrer: "no-referrer", robots: { index: false, follow: false } };
  }

  async function Page({ params }: { params: Promise<{ token: string }> }) {
    const { token } = await params;
    const address = (await headers()).get(CLIENT_ADDRESS_HEADER) || "unknown";
    const view = await inspectAccountLink({ db: getDb(), kind, token, address });
    return <AccountLinkPage kind={kind} token={token} view={view} locale={await requestLocale()} />;
  }

  return { generateMetadata, Page };
}
