"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("header");
  return (
    <button type="button" onClick={() => void signOut({ callbackUrl: "/signin" })} className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50">
      {t("signOut")}
    </button>
  );
}
