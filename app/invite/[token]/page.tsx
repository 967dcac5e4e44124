import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/server/db/client";
import { inspectAccountLink } from "@/server/accounts/inspect-account-link";
import { CLIENT_ADDRESS_HEADER } from "@/server/http/client-address";
import { requestLocale } from "@/server/i18n/request-locale";
import { AccountLinkPage } from "@/components/AccountLinkPage";

export const dynamic = "force-dynamic";

/** The secret is in the address: never send it to another site as a Referer, never index it. */
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountLink"))("inviteTitle"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const address = (await headers()).get(CLIENT_ADDRESS_HEADER) || "unknown";
  const view = await inspectAccountLink({ db: getDb(), kind: "invitation", token, address });
  return <AccountLinkPage kind="invitation" token={token} view={view} locale={await requestLocale()} />;
}
