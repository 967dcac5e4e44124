"use client";
import { useState } from "react";
import { ROLES } from "@/lib/policies";

export function RoleSelect({ userId, role, disabled }: { userId: string; role: string; disabled: boolean }) {
  const [value, setValue] = useState(role);
  const [error, setError] = useState<string | null>(null);
  async function change(next: string) {
    const previous = value;
    setValue(next);
    setError(null);
    const res = await fetch(`/api/users/${encodeURIComponent(userId)}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ role: next }) });
    if (!res.ok) {
      setValue(previous);
      setError(((await res.json().catch(() => ({}))) as { error?: string }).error ?? `Failed (${res.status})`);
    }
  }
  return (
    <span>
      <select aria-label="Role" value={value} disabled={disabled} title={disabled ? "You cannot change your own role" : undefined} onChange={(e) => void change(e.target.value)} className="rounded border border-slate-300 px-1 py-1">
        {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
      </select>
      {error && <span role="alert" className="ms-2 text-xs text-red-700">{error}</span>}
    </span>
  );
}
