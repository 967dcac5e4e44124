/**
 * One error type with codes, mapped to an HTTP status only at the boundary (route handlers,
 * server actions). Domain code throws `new AppError("FORBIDDEN", "…")`, never bare strings.
 */
export const APP_ERROR_STATUS = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  /** A URL Sanad will not fetch: not http(s), credentials in it, a private address, a bad redirect. */
  URL_NOT_ALLOWED: 422,
  /** The fetched page was larger than the cap. */
  FETCH_TOO_LARGE: 413,
  /** The fetched page was not of a type we accept (e.g. a PDF where HTML was expected). */
  FETCH_WRONG_TYPE: 415,
  INTERNAL: 500,
  /** Busy or stopped for a moment (a locked database, a search that ran too long): try again. */
  UNAVAILABLE: 503,
  /** The remote site could not be reached or answered with an error. */
  FETCH_FAILED: 502,
  /** The remote site did not answer within the time cap. */
  FETCH_TIMEOUT: 504,
} as const;
export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

/** Machine-readable reasons the interface words (catalogue `errors.reasons.<key>`, both languages). */
export const ERROR_REASONS = ["ownAdminRole", "tokenLimit", "alreadyRetracted", "notPublished", "publicationRace", "correctionNoteRequired", "publishBlocked", "claimChanged", "badUrl", "scheme", "credentials", "privateAddress", "dns", "connectionRefused", "connectionClosed", "badBody", "tls", "badRedirect", "tooManyRedirects", "httpStatus", "notAnArticle", "feedNotJson", "feedEmpty", "ownArticleVerdict", "localReceiver", "tooManyComments", "tooManySources", "cannotAnchor", "claimMalformed", "accountExists", "lastAdmin", "noPassword", "wrongCurrentPassword", "ownAccount", "accountDeactivated", "linkUnknown", "linkExpired", "linkUsed", "linkRevoked", "readTimeout", "readCrashed", "pdfUnreadable", "notArchivable", "nulCharacter", "versionLimit"] as const;
export type ErrorReasonKey = (typeof ERROR_REASONS)[number];

/**
 * Why, in machine-readable form, for the interface to word in the reader's language
 * (catalogue `errors.reasons.<key>`); the message stays English for logs and API clients.
 */
export interface ErrorReason {
  key: ErrorReasonKey;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details?: unknown;
  reason?: ErrorReason;
  constructor(code: AppErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
  /** Attach a reason the interface can translate: `throw new AppError(…).withReason("ownAdminRole")`. */
  withReason(key: ErrorReasonKey, params?: ErrorReason["params"]): this {
    this.reason = params ? { key, params } : { key };
    return this;
  }
  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
