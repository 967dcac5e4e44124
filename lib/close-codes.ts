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
  /**
   * The user's role changed while connected (an admin promoted or demoted them). Writes stop at
   * once; the client reloads to get the new role's view instead of reconnecting as it was.
   */
  RoleChanged: 4409,
  /** A message larger than the limit. */
  MessageTooLarge: 4413,
  /** More messages per second than allowed. Temporary: the client reconnects after a back-off. */
  RateLimited: 4529,
  /** A message that could not be decoded, or a Yjs update that failed to apply. */
  Malformed: 4400,
  /**
   * The connection did not read what the server sent (more than the send-buffer limit queued):
   * closed so the server does not buffer without bound. Temporary: the client reconnects and
   * resyncs from the document's state.
   */
  SlowConsumer: 4508,
  /**
   * A live update wrote content under a Yjs client id the server has bound to another user
   * (forged authorship). Do not retry.
   */
  ClientIdTaken: 4410,
  /** The update deleted more claims at once than one person may (see README). Do not retry. */
  MassDeletion: 4422,
  /** The update changed or removed another person's comment (only its author may). Do not retry. */
  ForeignComment: 4423,
  /** The article's document reached its stored-size cap. Do not retry. */
  DocumentTooLarge: 4414,
  /** An awareness state (presence) larger than allowed. Do not retry. */
  AwarenessTooLarge: 4431,
  /** The server is shutting down; reconnect later. */
  ServerShutdown: 4503,
  /** The document could not be loaded from the store. */
  LoadFailed: 4500,
} as const;
export type CloseCodeName = keyof typeof CloseCode;

/**
 * Whether reconnecting cannot help: the whole 44xx range, as y-websocket 3 itself decides, so
 * a code added to the table later is handled the same way by the client without a second list.
 */
export function isFatalCloseCode(code: number): boolean {
  return code >= 4400 && code <= 4499;
}

/** Why the workspace stopped for good; the interface words each one (`errors.collab.<reason>`). */
export type FatalReason =
  | "session_ended" | "forbidden" | "not_found" | "role_changed"
  | "client_id_taken" | "mass_deletion" | "document_too_large" | "awareness_too_large" | "refused";

/** What the workspace does after the server closed its socket. */
export type CloseOutcome =
  | { reconnect: true }
  | { reconnect: false; reason: FatalReason; signIn: boolean; reload?: boolean };

/**
 * The client's reading of a close code: temporary codes (and codes outside our range, e.g. a
 * dropped connection) reconnect; 44xx stop, with the reason to show and whether to send the
 * person to sign-in.
 */
export function closeOutcome(code: number): CloseOutcome {
  if (!isFatalCloseCode(code)) return { reconnect: true };
  switch (code) {
    case CloseCode.Unauthenticated:
      return { reconnect: false, reason: "session_ended", signIn: true };
    case CloseCode.Forbidden:
      return { reconnect: false, reason: "forbidden", signIn: false };
    case CloseCode.NotFound:
      return { reconnect: false, reason: "not_found", signIn: false };
    case CloseCode.RoleChanged:
      // Reload rather than reconnect: the page must render what the new role may do.
      return { reconnect: false, reason: "role_changed", signIn: false, reload: true };
    case CloseCode.ClientIdTaken:
      return { reconnect: false, reason: "client_id_taken", signIn: false };
    case CloseCode.MassDeletion:
      return { reconnect: false, reason: "mass_deletion", signIn: false };
    case CloseCode.DocumentTooLarge:
      return { reconnect: false, reason: "document_too_large", signIn: false };
    case CloseCode.AwarenessTooLarge:
      return { reconnect: false, reason: "awareness_too_large", signIn: false };
    default:
      return { reconnect: false, reason: "refused", signIn: false };
  }
}
