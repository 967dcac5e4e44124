import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchivedCopy } from "@/components/archive/ArchivedCopy";
import { readPublicCapture } from "@/server/archive/read-capture";
import { getDb } from "@/server/db/client";
import { parseSlug } from "../../../public-data";
import { labelsFor } from "@/components/public/labels";

// Read per request: whether a copy is public follows the current publication (a retraction hides it).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; captureId: string }> };

export const metadata: Metadata = { robots: { index: false } };

/** /v/<slug>/archive/<captureId>: the archived copy of a published source. */
export default async function PublicArchivePage({ params }: Props) {
  const p = await params;
  const slug = parseSlug(p.slug);
  const captureId = /^[A-Za-z0-9_-]{1,100}$/.test(p.captureId) ? p.captureId : null;
  const capture = slug && captureId ? await readPublicCapture({ db: getDb(), slug, captureId }) : null;
  if (!slug || !captureId || !capture) notFound();
  const ar = capture.language.toLowerCase().startsWith("ar");
  return (
    <>
      <p className="mx-auto max-w-4xl px-4 pt-4 text-sm" dir={ar ? "rtl" : "ltr"}><Link href={`/v/${slug}`} className="text-sky-800 underline"><span className="inline-block rtl:-scale-x-100" aria-hidden="true">←</span> {labelsFor(capture.language).backToFactCheck}</Link></p>
      <ArchivedCopy capture={capture} rawHref={`/v/${slug}/archive/${captureId}/raw`} />
    </>
  );
}
