"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { isoToTyped, parseLocalizedDate, toWesternDigits } from "@/lib/i18n/locale";
import type { ClaimType } from "@/lib/claim-types";

type FieldKind = "text" | "list" | "date" | "number" | "bool" | { options: readonly string[] };
/** A key under `fields` built at run time (type + field); every SPECS entry has one in the catalogue. */
type FieldKey = Parameters<ReturnType<typeof useTranslations<"fields">>>[0];

/** Field layout per type; labels come from the catalogue (`fields.<type>.<key>`). */
interface FieldSpec { key: string; kind: FieldKind; readOnly?: boolean }

const SPECS: Record<ClaimType, FieldSpec[]> = {
  meeting: [
    { key: "participants", kind: "list" },
    { key: "place", kind: "text" },
    { key: "date", kind: "date" },
    { key: "kind", kind: { options: ["meeting", "visit", "call", "session", "summit"] } },
  ],
  quote: [
    { key: "speaker", kind: "text" },
    { key: "words", kind: "text" },
    { key: "direct", kind: "bool" },
  ],
  un_resolution: [
    { key: "body", kind: { options: ["Security Council", "General Assembly"] } },
    { key: "number", kind: "number" },
    { key: "year", kind: "number", readOnly: true },
    { key: "symbol", kind: "text", readOnly: true },
  ],
  date: [
    { key: "value", kind: "date" },
    { key: "precision", kind: { options: ["day", "month", "year"] } },
  ],
  number: [
    { key: "value", kind: "number" },
    { key: "unit", kind: "text" },
  ],
  agreement: [
    { key: "name", kind: "text" },
    { key: "date", kind: "date" },
  ],
  entity: [
    { key: "name", kind: "text" },
    { key: "role", kind: "text" },
  ],
  other: [],
};

function toInput(kind: FieldKind, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (kind === "list" && Array.isArray(value)) return value.join(", ");
  // Stored ISO, shown back the way it is typed (22/07/2020), so an edit reads like the entry.
  if (kind === "date" && typeof value === "string") return isoToTyped(value);
  return String(value);
}

/** Input text to a field value; `undefined` means "not understood" (shown as an error, nothing written). */
export function fromInput(kind: FieldKind, raw: string): unknown {
  const v = raw.trim();
  if (kind === "list") return v ? v.split(/[,،]/u).map((s) => s.trim()).filter(Boolean) : [];
  if (kind === "number") {
    if (v === "") return null;
    // Arabic-Indic digits and separators (٫ decimal, ٬ thousands) are numbers too.
    const n = Number(toWesternDigits(v).replace(/\u066b/g, ".").replace(/[\u066c,\s]/g, ""));
    return Number.isFinite(n) ? n : undefined;
  }
  // Dates are typed the locale's way (22/07/2020, ٢٢/٠٧/٢٠٢٠) or as ISO; stored as ISO.
  if (kind === "date") return v === "" ? null : parseLocalizedDate(v) ?? undefined;
  if (kind === "text") return v === "" ? null : v;
  return v;
}

/**
 * The normalised fields of a claim type. Text inputs commit on blur or Enter (one document
 * write per edit, not per keystroke); refusals from the document layer are shown inline.
 */
export function ClaimFields({ type, fields, readOnly, onChange }: {
  type: ClaimType;
  fields: Record<string, unknown>;
  readOnly: boolean;
  onChange: (patch: Record<string, unknown>) => string | null;
}) {
  const t = useTranslations("fields");
  const td = useTranslations("dateEntry");
  const [error, setError] = useState<string | null>(null);
  const commit = (patch: Record<string, unknown>) => setError(onChange(patch));
  const specs = SPECS[type];
  if (specs.length === 0) return null;
  return (
    <div className="grid grid-cols-1 gap-2 sm:grid-cols-2" data-testid="claim-fields">
      {specs.map((spec) => {
        const value = fields[spec.key];
        const id = `f-error-${type}`;
        if (spec.kind === "bool") {
          return (
            <label key={spec.key} className="flex items-center gap-2 text-xs sm:col-span-2">
              <input type="checkbox" checked={value === true} disabled={readOnly} onChange={(e) => commit({ [spec.key]: e.target.checked })} />
              {t(`${type}.${spec.key}` as FieldKey)}
            </label>
          );
        }
        if (typeof spec.kind === "object") {
          return (
            <label key={spec.key} className="text-xs">
              <span className="text-slate-600">{t(`${type}.${spec.key}` as FieldKey)}</span>
              <select className="mt-0.5 w-full rounded border border-slate-300 px-1 py-1 text-sm" value={String(value ?? "")} disabled={readOnly}
                onChange={(e) => commit({ [spec.key]: e.target.value })}>
                {spec.kind.options.map((o) => <option key={o} value={o}>{t(`option.${o}` as FieldKey)}</option>)}
              </select>
            </label>
          );
        }
        const shown = spec.key === "year" && value === null ? t("yearUnknown") : toInput(spec.kind, value);
        const literal = spec.kind === "date" || spec.kind === "number";
        return (
          <label key={spec.key} className={`text-xs ${spec.key === "words" || spec.kind === "list" ? "sm:col-span-2" : ""}`}>
            <span className="text-slate-600">{t(`${type}.${spec.key}` as FieldKey)}</span>
            <input
              key={`${spec.key}:${shown}`}
              data-field={spec.key}
              dir={spec.kind === "number" ? "ltr" : literal ? undefined : "auto"}
              placeholder={spec.kind === "date" ? td("placeholder") : undefined}
              title={spec.kind === "date" ? td("hint") : undefined}
              inputMode={spec.kind === "date" ? "numeric" : undefined}
              data-date-field={spec.kind === "date" ? "" : undefined}
              aria-describedby={error ? id : undefined}
              defaultValue={shown}
              readOnly={readOnly || spec.readOnly}
              className={`mt-0.5 w-full rounded border px-1.5 py-1 text-sm ${spec.readOnly ? "border-transparent bg-slate-50" : "border-slate-300"}`}
              onBlur={(e) => {
                if (spec.readOnly || e.target.value === shown) return;
                const parsed = fromInput(spec.kind, e.target.value);
                if (parsed === undefined) return setError(spec.kind === "date" ? td("bad") : t("badNumber"));
                const refused = onChange({ [spec.key]: parsed });
                setError(refused);
                // Show what was understood, the way it is typed (٢٢/٧/٢٠٢٠ -> 22/07/2020), even when the value did not change.
                if (!refused) e.target.value = toInput(spec.kind, parsed);
              }}
              onKeyDown={(e) => { if (e.key === "Enter") (e.target as HTMLInputElement).blur(); }}
            />
          </label>
        );
      })}
      {error && <p role="alert" id={`f-error-${type}`} className="text-xs text-red-700 sm:col-span-2">{error}</p>}
    </div>
  );
}
