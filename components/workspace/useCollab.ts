"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { IndexeddbPersistence } from "y-indexeddb";
import { closeOutcome, type CloseOutcome } from "@/lib/close-codes";
import { onDecisionsMessage, onNotificationMessage } from "@/lib/collab-messages";
import { receiveNotification } from "@/components/notifications/store";
import type { Actor } from "@/lib/policies";
import { assignPresenceColours } from "@/lib/presence-colours";

export type ConnectionState = "connecting" | "connected" | "reconnecting" | "offline";
/** Why the server closed the socket for good; the workspace words it (catalogue `errors.collab.<reason>`). */
export type FatalReason = Extract<CloseOutcome, { reconnect: false }>["reason"];

export interface Peer {
  clientId: number;
  id: string;
  name: string;
  colour: string;
  isSelf: boolean;
  selection: { start: number; end: number } | null;
  focusedClaim: string | null;
}

export interface Collab {
  doc: Y.Doc;
  /** null during a server render (see below). */
  provider: WebsocketProvider | null;
  connection: ConnectionState;
  /** Set when the server refused us for good (signed out, no access); the UI words it. */
  fatal: FatalReason | null;
  peers: Peer[];
  decisions: unknown;
  /** Local copy loaded from IndexedDB or the first sync done: safe to render claims. */
  ready: boolean;
}

/**
 * One article's shared document: y-websocket to our collab server, IndexedDB for offline
 * editing (merged cleanly on reconnect by Yjs), awareness for presence.
 */
export function useCollab(articleId: string, actor: Actor): Collab {
  const doc = useMemo(() => new Y.Doc({ guid: articleId }), [articleId]);
  // Browser only. Made during a server render, a provider is never destroyed (effects do not run
  // there): y-websocket adds a process "exit" listener and two intervals per render, which is
  // the MaxListenersExceededWarning the server logged after a dozen workspace page loads.
  const provider = useMemo(() => {
    if (typeof window === "undefined") return null;
    const proto = window.location.protocol === "https:" ? "wss" : "ws";
    return new WebsocketProvider(`${proto}://${window.location.host}/collab`, articleId, doc, { connect: false, disableBc: true, maxBackoffTime: 5000 });
  }, [articleId, doc]);
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [fatal, setFatal] = useState<FatalReason | null>(null);
  const [peers, setPeers] = useState<Peer[]>([]);
  const [decisions, setDecisions] = useState<unknown>(null);
  const [ready, setReady] = useState(false);

  const fatalRef = useRef(false);
  useEffect(() => {
    if (!provider) return;
    let everConnected = false;
    const local = new IndexeddbPersistence(`sanad:${articleId}:${actor.id}`, doc);
    void local.whenSynced.then(() => setReady(true));
    onDecisionsMessage(provider, setDecisions);
    onNotificationMessage(provider, receiveNotification);
    provider.awareness.setLocalStateField("user", { id: actor.id, name: actor.name });

    const onStatus = ({ status }: { status: string }) => {
      if (status === "connected") {
        everConnected = true;
        setConnection("connected");
      } else if (!navigator.onLine || !provider.shouldConnect) setConnection("offline");
      else setConnection(everConnected ? "reconnecting" : "connecting");
    };
    const onClose = (event: CloseEvent | null) => {
      const outcome = event ? closeOutcome(event.code) : null;
      if (outcome && !outcome.reconnect) {
        fatalRef.current = true;
        provider.shouldConnect = false;
        setFatal(outcome.reason);
        setConnection("offline");
        if (outcome.reload) window.location.reload();
        if (outcome.signIn) window.location.replace(`/signin?callbackUrl=${encodeURIComponent(window.location.pathname)}`);
      }
    };
    const onSync = (synced: boolean) => { if (synced) setReady(true); };
    const onAwareness = () => {
      const list: Peer[] = [];
      // Colours are derived from who is in the room, so they are distinct for everyone.
      const ids: string[] = [];
      provider.awareness.getStates().forEach((state) => { const id = (state.user as { id?: unknown } | undefined)?.id; if (typeof id === "string") ids.push(id); });
      const colours = assignPresenceColours(ids);
      provider.awareness.getStates().forEach((state, clientId) => {
        const user = state.user as { id?: string; name?: string } | undefined;
        if (!user?.id) return;
        const sel = state.selection as { start?: unknown; end?: unknown } | null | undefined;
        list.push({
          clientId, id: user.id, name: String(user.name ?? ""), colour: colours.get(user.id) ?? "#475569",
          isSelf: clientId === doc.clientID,
          selection: sel && typeof sel.start === "number" && typeof sel.end === "number" ? { start: sel.start, end: sel.end } : null,
          focusedClaim: typeof state.focusedClaim === "string" ? state.focusedClaim : null,
        });
      });
      list.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
      setPeers(list);
    };
    // The browser knows before the socket does: a dropped network can leave a silent socket
    // for y-websocket's 30 s timeout. Close it now, and reconnect as soon as we are back.
    const goOffline = () => {
      provider.disconnect();
      setConnection("offline");
    };
    const goOnline = () => {
      if (fatalRef.current) return;
      setConnection("reconnecting");
      provider.connect();
    };
    provider.on("status", onStatus);
    provider.on("connection-close", onClose);
    provider.on("sync", onSync);
    provider.awareness.on("change", onAwareness);
    window.addEventListener("offline", goOffline);
    window.addEventListener("online", goOnline);
    provider.connect();
    onAwareness();
    return () => {
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
      provider.off("status", onStatus);
      provider.off("connection-close", onClose);
      provider.off("sync", onSync);
      provider.awareness.off("change", onAwareness);
      provider.destroy();
      void local.destroy();
    };
  }, [articleId, actor.id, actor.name, doc, provider]);

  useEffect(() => () => doc.destroy(), [doc]);

  return { doc, provider, connection, fatal, peers, decisions, ready };
}
