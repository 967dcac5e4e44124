"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";

const labels = {
  url: "Feed URL (http or https)",
  file: "…or upload a ClaimReview JSON / JSON-LD file",
  importUrl: "Import from URL",
  importFile: "Import file",
  busy: "Importing…",
  done: (r: { imported: number; updated: number; skipped: number }) => `Imported ${r.imported} new, updated ${r.updated}${r.skipped ? `, skipped ${r.skipped} incomplete` : ""}.`,
  tooLarge: "The file is larger than 5 MB.",
};

/** Import a ClaimReview feed by URL or by file; the file is read here and sent as JSON. */
export function ClaimReviewFeedForm() {
  const router = useRouter();
  const [url, setUrl] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function send(body: unknown) {
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch("/api/admin/claim-review-feeds", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const result = await res.json();
      setMessage(res.ok ? { ok: true, text: labels.done(result) } : { ok: false, text: result.error ?? `HTTP ${res.status}` });
      if (res.ok) router.refresh();
    } finally {
      setBusy(false);
    }
  }

  async function onFile(file: File | undefined) {
    if (!file) return;
    if (file.size > 5_000_000) return setMessage({ ok: false, text: labels.tooLarge });
    await send({ fileName: file.name, content: await file.text() });
  }

  return (
    <div className="mt-4 space-y-3 rounded-lg bg-white p-4 shadow-sm">
      <form className="flex gap-2" onSubmit={(e) => { e.preventDefault(); void send({ url }); }}>
        <input type="url" required value={url} onChange={(e) => setUrl(e.target.value)} aria-label={labels.url} placeholder={labels.url}
          className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1 text-sm" dir="ltr" />
        <button type="submit" disabled={busy} className="rounded bg-blue-700 px-3 py-1 text-sm text-white disabled:opacity-50">{labels.importUrl}</button>
      </form>
      <label className="block text-sm text-slate-600">
        {labels.file}
        <input type="file" accept=".json,.jsonld,application/json,application/ld+json" disabled={busy} data-testid="feed-file"
          onChange={(e) => void onFile(e.target.files?.[0])} className="mt-1 block text-sm" />
      </label>
      {busy && <p className="text-sm text-slate-500">{labels.busy}</p>}
      {message && <p role={message.ok ? "status" : "alert"} data-testid="feed-result" className={`text-sm ${message.ok ? "text-emerald-800" : "text-red-800"}`}>{message.text}</p>}
    </div>
  );
}
