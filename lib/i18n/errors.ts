import { APP_ERROR_STATUS, ERROR_REASONS, type AppError, type AppErrorCode } from "../errors";

/** The JSON error body every route answers with (server/http/route.ts errorResponse). */
export interface ApiErrorBody {
  /** The server's English message: for API clients and logs, shown only in an English interface. */
  error?: string;
  code?: string;
  /** Machine-readable why (catalogue `errors.reasons.<reason>`), when the server gives one. */
  reason?: string;
  params?: Record<string, string | number>;
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

/** The slice of a next-intl translator (namespace `errors`) that wordError needs. */
export interface ErrorTranslator {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/**
 * An error answer as a sentence in the interface language: the code's sentence, then why —
 * in English the server's own message, in other languages the reason as the catalogue words
 * it. An Arabic reader never gets an English "Details: …".
 */
export function wordError(t: ErrorTranslator, language: string, body: ApiErrorBody | null | undefined, status?: number): string {
  if (body?.code === "network") return t("network");
  const sentence = t(errorKey(body?.code, status));
  const reasonKey = (ERROR_REASONS as readonly unknown[]).includes(body?.reason) ? `reasons.${body?.reason}` : null;
  // English: the server's own message is the most specific ("… is a link-local address").
  const detail = language.toLowerCase().startsWith("en") ? errorDetail(body) : null;
  if (detail) return `${sentence} ${t("detail", { detail })}`;
  return reasonKey && t.has(reasonKey) ? `${sentence} ${t(reasonKey, sanitizeParams(body?.params))}` : sentence;
}

/** An AppError thrown in this process (a server page, the shared document layer) as an ApiErrorBody. */
export function errorBodyOf(e: AppError): ApiErrorBody {
  return { code: e.code, error: e.message, reason: e.reason?.key, params: e.reason?.params };
}

function sanitizeParams(params: unknown): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (!params || typeof params !== "object") return out;
  for (const [k, v] of Object.entries(params)) if (typeof v === "number" || typeof v === "string") out[k] = typeof v === "string" ? v.slice(0, 200) : v;
  return out;
}
