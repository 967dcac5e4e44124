import * as decoding from "lib0/decoding";
import type { WebsocketProvider } from "y-websocket";

/**
 * Message types on the wire, the one definition for client and server. 0–3 are y-websocket's;
 * 100+ are Sanad's own (the browser only ever sees Decisions and Notification; 110+ travel between server
 * processes through the relay).
 */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  /** Server -> client JSON: authoritative decisions (sign-offs, publication) for the article. */
  Decisions: 100,
  /** Server -> client JSON: a new notification for the signed-in person (lib/notifications.ts). */
  Notification: 101,
  /** Process -> processes (relay only): "here is my state vector, send me what I lack". */
  RelaySyncRequest: 110,
  /** Process -> one process (relay only): the answer to a RelaySyncRequest. */
  RelaySyncReply: 111,
  /** Process -> processes (relay only): a client id just bound to a user, sent before the update that bound it. */
  RelayBinding: 112,
} as const;

/**
 * Teach a y-websocket provider one of Sanad's own JSON messages. y-websocket looks handlers up
 * by message type in `provider.messageHandlers`; unknown types are only logged, so an old client
 * keeps working. A malformed payload is ignored: the next message (or the next fetch) has the truth.
 */
function onJsonMessage(provider: WebsocketProvider, type: number, listener: (payload: unknown) => void): void {
  provider.messageHandlers[type] = (_encoder, decoder) => {
    try {
      listener(JSON.parse(decoding.readVarString(decoder)));
    } catch {
      /* ignored */
    }
  };
}

/** Sign-off decisions of the open article. */
export const onDecisionsMessage = (provider: WebsocketProvider, listener: (payload: unknown) => void): void => onJsonMessage(provider, MessageType.Decisions, listener);

/** Each new notification for the signed-in person, pushed to every socket they have open, whichever article. */
export const onNotificationMessage = (provider: WebsocketProvider, listener: (payload: unknown) => void): void => onJsonMessage(provider, MessageType.Notification, listener);
