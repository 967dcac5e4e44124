"use client";
import type { ConnectionState, Peer } from "./useCollab";

const CONNECTION_LABEL: Record<ConnectionState, { text: string; cls: string }> = {
  connecting: { text: "Connecting…", cls: "bg-slate-200 text-slate-700" },
  connected: { text: "Connected", cls: "bg-emerald-100 text-emerald-800" },
  reconnecting: { text: "Reconnecting…", cls: "bg-amber-100 text-amber-900" },
  offline: { text: "Offline — changes are kept on this device", cls: "bg-red-100 text-red-800" },
};

/** Everyone connected to this article now, and the state of our own connection. */
export function PresenceBar({ peers, connection }: { peers: Peer[]; connection: ConnectionState }) {
  const seen = new Set<string>();
  const people = peers.filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
  const c = CONNECTION_LABEL[connection];
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="presence-bar" aria-label="People in this article">
      <span data-testid="connection-state" data-state={connection} className={`rounded-full px-2 py-0.5 text-xs font-medium ${c.cls}`}>{c.text}</span>
      <ul className="flex flex-wrap items-center gap-1">
        {people.map((p) => (
          <li key={p.id} data-testid="presence-user" data-user-id={p.id} title={p.isSelf ? `${p.name} (you)` : p.name}
            className="flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs" style={{ borderColor: p.colour }}>
            <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: p.colour }} />
            <span>{p.name}{p.isSelf ? " (you)" : ""}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
