import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppDocument } from "./app-document";

/** 404 for any address outside the app and public sections (the root layout renders no <html>). */
export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <AppDocument>
      <main className="mx-auto max-w-md px-6 py-24 text-center">
        <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
        <p className="mt-2 text-slate-600">{t("notFoundBody")}</p>
        <p className="mt-6"><Link href="/" className="text-blue-800 underline">{t("backHome")}</Link></p>
      </main>
    </AppDocument>
  );
}
