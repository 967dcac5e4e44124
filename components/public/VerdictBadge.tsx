import { verdictByKey } from "@/lib/verdicts";

const TONE: Record<string, string> = {
  good: "bg-emerald-50 text-emerald-900 ring-emerald-700/30",
  mixed: "bg-amber-50 text-amber-900 ring-amber-700/30",
  bad: "bg-red-50 text-red-900 ring-red-700/30",
  neutral: "bg-slate-100 text-slate-800 ring-slate-600/30",
};
const ICON: Record<string, string> = { good: "✓", mixed: "!", bad: "✕", neutral: "?" };

/** The verdict as text with a tone colour and a symbol (never colour alone). */
export function VerdictBadge({ verdict, label, size = "md" }: { verdict: string; label: string; size?: "md" | "lg" }) {
  const tone = verdictByKey(verdict)?.tone ?? "neutral";
  return (
    <span
      data-testid="verdict-badge"
      data-verdict={verdict}
      className={`inline-flex items-center gap-1.5 rounded-full font-semibold ring-1 ring-inset ${TONE[tone]} ${size === "lg" ? "px-3.5 py-1 text-base" : "px-2.5 py-0.5 text-sm"}`}
    >
      <span aria-hidden="true">{ICON[tone]}</span>
      {label}
    </span>
  );
}
