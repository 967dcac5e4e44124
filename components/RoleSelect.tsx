"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { isRole, ROLES } from "@/lib/policies";
import { readError, useErrorMessage } from "./useErrorMessage";

export function RoleSelect({ userId, role, disabled }: { userId: string; role: string; disabled: boolean }) {
  const t = useTranslations("people");
  const tr = useTranslations("roles");
  const errorMessage = useErrorMessage();
  const [value, setValue] = useState(role);
  const [error, setError] = useState<string | null>(null);
  async function change(next: string) {
    const previous = value;
    setValue(next);
    setError(null);
    const res = await fetch(`/api/users/${encodeURIComponent(userId)}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ role: next }) }).catch(() => null);
    if (!res?.ok) {
      setValue(previous);
      setError(res ? errorMessage(await readError(res), res.status) : errorMessage({ code: "network" }));
    }
  }
  return (
    <span>
      <select aria-label={t("role")} value={value} disabled={disabled} title={disabled ? t("ownRole") : undefined} onChange={(e) => void change(e.target.value)} className="rounded border border-slate-300 px-1 py-1">
        {!isRole(value) && <option value={value} disabled>{tr("none")}</option>}
        {ROLES.map((r) => <option key={r} value={r}>{tr(r)}</option>)}
      </select>
      {error && <span role="alert" className="ms-2 text-xs text-red-700">{error}</span>}
    </span>
  );
}
