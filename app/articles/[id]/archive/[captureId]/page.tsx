import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppHeader } from "@/components/AppHeader";
import { ArchivedCopy } from "@/components/archive/ArchivedCopy";
import { isAppError } from "@/lib/errors";
import { requireActor } from "@/server/auth/guard";
import { readCaptureForTeam } from "@/server/archive/read-capture";
import { getDb } from "@/server/db/client";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string; captureId: string }> };

/** /articles/<id>/archive/<captureId>: the team's view of an archived copy (article page or source). */
export default async function TeamArchivePage({ params }: Props) {
  const { id, captureId } = await params;
  const actor = await requireActor(`/articles/${encodeURIComponent(id)}/archive/${encodeURIComponent(captureId)}`);
  const t = await getTranslations("archive");
  let capture;
  try {
    capture = await readCaptureForTeam({ db: getDb(), actor, articleId: id, captureId });
  } catch (e) {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) notFound();
    throw e;
  }
  return (
    <>
      <AppHeader actor={actor} />
      <p className="mx-auto max-w-4xl px-4 pt-4 text-sm"><Link href={`/articles/${encodeURIComponent(id)}`} className="tap-target text-blue-800 underline"><span className="inline-block rtl:-scale-x-100" aria-hidden="true">←</span> {t("back")}</Link></p>
      <ArchivedCopy capture={capture} rawHref={`/articles/${encodeURIComponent(id)}/archive/${encodeURIComponent(captureId)}/raw`} />
    </>
  );
}
