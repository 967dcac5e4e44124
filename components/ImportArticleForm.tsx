"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";

export function ImportArticleForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const res = await fetch("/api/articles", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        title: String(f.get("title") ?? ""),
        outlet: String(f.get("outlet") ?? ""),
        sourceUrl: String(f.get("sourceUrl") ?? ""),
        publishedAt: String(f.get("publishedAt") ?? ""),
        text: String(f.get("text") ?? ""),
      }),
    });
    setBusy(false);
    const data = await res.json().catch(() => ({}));
    if (!res.ok) {
      setError(data.error ?? `Import failed (${res.status}).`);
      return;
    }
    router.push(`/articles/${data.id}`);
  }

  const input = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2";
  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4">
      <label className="block"><span className="text-sm font-medium">Headline</span><input name="title" required dir="auto" className={input} /></label>
      <div className="grid grid-cols-2 gap-4">
        <label className="block"><span className="text-sm font-medium">Outlet</span><input name="outlet" dir="auto" className={input} /></label>
        <label className="block"><span className="text-sm font-medium">Published on</span><input name="publishedAt" type="date" className={input} /></label>
      </div>
      <label className="block"><span className="text-sm font-medium">Link to the original (http/https)</span><input name="sourceUrl" type="url" className={input} /></label>
      <label className="block">
        <span className="text-sm font-medium">Article text</span>
        <span className="block text-xs text-slate-500">One paragraph per line; short lines become headings. Page furniture such as &quot;Leave a comment&quot; is dropped.</span>
        <textarea name="text" required rows={14} dir="auto" className={input} />
      </label>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      <button type="submit" disabled={busy} className="rounded-md bg-slate-900 px-4 py-2 font-medium text-white disabled:opacity-60">{busy ? "Importing…" : "Import"}</button>
    </form>
  );
}
