import { APP_ERROR_STATUS, type AppErrorCode } from "../errors";

/** The JSON error body every route answers with (server/http/route.ts errorResponse). */
export interface ApiErrorBody {
  error?: string;
  code?: string;
  /** A specific refusal the interface may word itself (AppError `details.reason`). */
  reason?: string;
}

/**
 * The catalogue key (namespace `errors`) for an AppError code from the server; unknown or
 * missing codes fall back by HTTP status, then to INTERNAL. Users read the translated
 * sentence; the server's own message is only shown as detail where it adds something.
 */
export function errorKey(code: unknown, status?: number): AppErrorCode {
  if (typeof code === "string" && code in APP_ERROR_STATUS) return code as AppErrorCode;
  const byStatus = (Object.entries(APP_ERROR_STATUS) as Array<[AppErrorCode, number]>).find(([, s]) => s === status);
  return byStatus ? byStatus[0] : "INTERNAL";
}

/**
 * Codes whose server message is worth showing as detail: which field was wrong, what conflicts,
 * why an address may not be fetched (a link-local address, a redirect to a private one), what
 * the remote site answered.
 */
const DETAILED: ReadonlySet<AppErrorCode> = new Set(["INVALID_INPUT", "CONFLICT", "URL_NOT_ALLOWED", "FETCH_FAILED"]);

/** The server's own message for codes in DETAILED, capped; null otherwise. */
export function errorDetail(body: ApiErrorBody | null | undefined): string | null {
  return DETAILED.has(errorKey(body?.code)) && body?.error ? body.error.slice(0, 300) : null;
}
