"use client";
import { useState } from "react";
import type { ClaimType } from "@/lib/claim-types";

type FieldKind = "text" | "list" | "date" | "number" | "bool" | { options: readonly string[] };
interface FieldSpec { key: string; label: string; kind: FieldKind; readOnly?: boolean }

const SPECS: Record<ClaimType, FieldSpec[]> = {
  meeting: [
    { key: "participants", label: "Participants (comma-separated)", kind: "list" },
    { key: "place", label: "Place", kind: "text" },
    { key: "date", label: "Date (YYYY-MM-DD)", kind: "date" },
    { key: "kind", label: "Kind", kind: { options: ["meeting", "visit", "call", "session", "summit"] } },
  ],
  quote: [
    { key: "speaker", label: "Speaker", kind: "text" },
    { key: "words", label: "Quoted words", kind: "text" },
    { key: "direct", label: "Direct quote", kind: "bool" },
  ],
  un_resolution: [
    { key: "body", label: "Body", kind: { options: ["Security Council", "General Assembly"] } },
    { key: "number", label: "Number", kind: "number" },
    { key: "year", label: "Year", kind: "number", readOnly: true },
    { key: "symbol", label: "Symbol", kind: "text", readOnly: true },
  ],
  date: [
    { key: "value", label: "Date (YYYY, YYYY-MM or YYYY-MM-DD)", kind: "date" },
    { key: "precision", label: "Precision", kind: { options: ["day", "month", "year"] } },
  ],
  number: [
    { key: "value", label: "Value", kind: "number" },
    { key: "unit", label: "Unit", kind: "text" },
  ],
  agreement: [
    { key: "name", label: "Name", kind: "text" },
    { key: "date", label: "Date", kind: "date" },
  ],
  entity: [
    { key: "name", label: "Name", kind: "text" },
    { key: "role", label: "Role", kind: "text" },
  ],
  other: [],
};

function toInput(kind: FieldKind, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (kind === "list" && Array.isArray(value)) return value.join(", ");
  return String(value);
}

function fromInput(kind: FieldKind, raw: string): unknown {
  const v = raw.trim();
  if (kind === "list") return v ? v.split(/[,،]/u).map((s) => s.trim()).filter(Boolean) : [];
  if (kind === "number") return v === "" ? null : Number(v.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)));
  if (kind === "text" || kind === "date") return v === "" ? null : v;
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
  const [error, setError] = useState<string | null>(null);
  const commit = (patch: Record<string, unknown>) => setError(onChange(patch));
  const specs = SPECS[type];
  if (specs.length === 0) return null;
  return (
    <div className="grid grid-cols-2 gap-2" data-testid="claim-fields">
      {specs.map((spec) => {
        const value = fields[spec.key];
        const id = `f-${spec.key}`;
        if (spec.kind === "bool") {
          return (
            <label key={spec.key} className="col-span-2 flex items-center gap-2 text-xs">
              <input type="checkbox" checked={value === true} disabled={readOnly} onChange={(e) => commit({ [spec.key]: e.target.checked })} />
              {spec.label}
            </label>
          );
        }
        if (typeof spec.kind === "object") {
          return (
            <label key={spec.key} className="text-xs">
              <span className="text-slate-500">{spec.label}</span>
              <select className="mt-0.5 w-full rounded border border-slate-300 px-1 py-1 text-sm" value={String(value ?? "")} disabled={readOnly}
                onChange={(e) => commit({ [spec.key]: e.target.value })}>
                {spec.kind.options.map((o) => <option key={o} value={o}>{o}</option>)}
              </select>
            </label>
          );
        }
        const shown = spec.key === "year" && value === null ? "year unknown" : toInput(spec.kind, value);
        return (
          <label key={spec.key} className={`text-xs ${spec.key === "words" || spec.kind === "list" ? "col-span-2" : ""}`}>
            <span className="text-slate-500">{spec.label}</span>
            <input
              key={`${spec.key}:${shown}`}
              data-field={spec.key}
              dir="auto"
              aria-describedby={id}
              defaultValue={shown}
              readOnly={readOnly || spec.readOnly}
              className={`mt-0.5 w-full rounded border px-1.5 py-1 text-sm ${spec.readOnly ? "border-transparent bg-slate-50" : "border-slate-300"}`}
              onBlur={(e) => { if (!spec.readOnly && e.target.value !== shown) commit({ [spec.key]: fromInput(spec.kind, e.target.value) }); }}
              onKeyDown={(e) => { if (e.key === "Enter") (e.target as HTMLInputElement).blur(); }}
            />
          </label>
        );
      })}
      {error && <p role="alert" className="col-span-2 text-xs text-red-700">{error}</p>}
    </div>
  );
}
