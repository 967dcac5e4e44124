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
  /** The remote site could not be reached or answered with an error. */
  FETCH_FAILED: 502,
  /** The remote site did not answer within the time cap. */
  FETCH_TIMEOUT: 504,
} as const;
export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details?: unknown;
  constructor(code: AppErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
