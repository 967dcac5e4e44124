import * as decoding from "lib0/decoding";
import type { WebsocketProvider } from "y-websocket";

/** Sanad's own collab message type (server -> client): the article's authoritative decisions. */
export const DECISIONS_MESSAGE = 100;

/**
 * Teach a y-websocket provider Sanad's decisions message. y-websocket looks handlers up by
 * message type in `provider.messageHandlers`; unknown types are only logged, so an old client
 * keeps working.
 */
export function onDecisionsMessage(provider: WebsocketProvider, listener: (payload: unknown) => void): void {
  provider.messageHandlers[DECISIONS_MESSAGE] = (_encoder, decoder) => {
    try {
      listener(JSON.parse(decoding.readVarString(decoder)));
    } catch {
      /* a malformed payload is ignored; the next one replaces it */
    }
  };
}
