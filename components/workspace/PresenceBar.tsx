"use client";
import { useTranslations } from "next-intl";
import type { ConnectionState, Peer } from "./useCollab";

const CONNECTION_CLASS: Record<ConnectionState, string> = {
  connecting: "bg-slate-200 text-slate-800",
  connected: "bg-emerald-100 text-emerald-900",
  reconnecting: "bg-amber-100 text-amber-900",
  offline: "bg-red-100 text-red-900",
};

/** Everyone connected to this article now, and the state of our own connection. */
export function PresenceBar({ peers, connection }: { peers: Peer[]; connection: ConnectionState }) {
  const t = useTranslations("presence");
  const seen = new Set<string>();
  const people = peers.filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="presence-bar" role="group" aria-label={t("label")}>
      <span data-testid="connection-state" data-state={connection} role="status" className={`rounded-full px-2 py-0.5 text-xs font-medium ${CONNECTION_CLASS[connection]}`}>{t(connection)}</span>
      <ul className="flex flex-wrap items-center gap-1">
        {people.map((p) => (
          <li key={p.id} data-testid="presence-user" data-user-id={p.id} data-colour={p.colour}
            className="flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs" style={{ borderColor: p.colour }}>
            <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: p.colour }} />
            <bdi>{p.name || t("someone")}</bdi>{p.isSelf && <span className="text-slate-600">{t("you")}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
