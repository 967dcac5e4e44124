/**
 * WebSocket close codes of the collaboration server, shared by client and server (4000–4999
 * is the range RFC 6455 leaves to applications). The README carries the same table.
 *
 * 44xx: do not reconnect (y-websocket 3 stops reconnecting on 4400–4499 by default; the same
 * message or credentials would be refused again). 45xx: temporary, the client reconnects.
 */
export const CloseCode = {
  /** No valid session cookie on the upgrade request. Client: send to sign-in, do not retry. */
  Unauthenticated: 4401,
  /** Signed in, but the role may not open this article. Do not retry. */
  Forbidden: 4403,
  /** No article with that id. Do not retry. */
  NotFound: 4404,
  /** A message larger than the limit. */
  MessageTooLarge: 4413,
  /** More messages per second than allowed. Temporary: the client reconnects after a back-off. */
  RateLimited: 4529,
  /** A message that could not be decoded, or a Yjs update that failed to apply. */
  Malformed: 4400,
  /** The server is shutting down; reconnect later. */
  ServerShutdown: 4503,
  /** The document could not be loaded from the store. */
  LoadFailed: 4500,
} as const;
export type CloseCodeName = keyof typeof CloseCode;

/** Codes after which reconnecting cannot help (the 44xx range). */
export const FATAL_CLOSE_CODES: ReadonlySet<number> = new Set([CloseCode.Unauthenticated, CloseCode.Forbidden, CloseCode.NotFound, CloseCode.Malformed, CloseCode.MessageTooLarge]);
