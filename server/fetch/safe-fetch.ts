import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { LookupFunction } from "node:net";
import zlib from "node:zlib";
import type { Readable } from "node:stream";
import { AppError } from "../../lib/errors";
import { addressProblem, allowListFromEnv, hostAllowed, type FetchAllowList } from "./address-policy";

/**
 * Fetch a URL a user gave us without letting it reach what it should not (SSRF):
 * - http/https only, no credentials in the URL;
 * - every connection goes to an address we checked: the DNS answer is checked inside the
 *   socket's own `lookup`, so the address we validated is the address we connect to (no
 *   window for DNS rebinding between a check and a second resolution); IP literals are
 *   checked directly; the same holds on every redirect, which we follow ourselves;
 * - loopback/private/link-local/unique-local… refused unless allow-listed (SANAD_FETCH_ALLOW);
 * - a size cap on the decoded body (also against compression bombs), a total time cap
 *   across redirects, and a content-type check before the body is read.
 * Each failure is an AppError with its own code (lib/errors.ts). Used for article import and
 * source snapshots; meant to be reused for anything else that fetches user-given URLs.
 */

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_REDIRECTS = 5;
export const HTML_TYPES = ["text/html", "application/xhtml+xml"];
export const PDF_TYPE = "application/pdf";

/**
 * Declared types a PDF is often served under (generic downloads, old PDF names): with
 * `sniffPdf`, a body under one of these is read (same cap) and kept only if it is a PDF.
 */
const OPAQUE_TYPES = new Set(["", "application/octet-stream", "binary/octet-stream", "application/x-download", "application/download", "application/force-download", "application/x-pdf", "application/acrobat", "applications/vnd.pdf", "text/pdf", "text/x-pdf"]);

/** A PDF's first bytes (the header every PDF writer emits; MIME Sniffing's "%PDF-" pattern). */
export function looksLikePdf(body: Uint8Array): boolean {
  return body.length >= 5 && body[0] === 0x25 && body[1] === 0x50 && body[2] === 0x44 && body[3] === 0x46 && body[4] === 0x2d;
}

export interface SafeFetchOptions {
  url: string;
  /** Acceptable media types (lower case, without parameters); empty = any. */
  accept?: string[];
  maxBytes?: number;
  /** Total time for all redirects and the body. */
  timeoutMs?: number;
  maxRedirects?: number;
  /** Defaults to SANAD_FETCH_ALLOW. */
  allow?: FetchAllowList;
  /**
   * Servers often lie about PDFs (octet-stream, text/html): when set (and application/pdf is
   * accepted), a body that starts with "%PDF-" is application/pdf whatever the header said,
   * and a body under a generic download type is read and kept only if it is a PDF.
   */
  sniffPdf?: boolean;
  /** Called as body bytes arrive (decoded bytes; total from Content-Length when known). */
  onProgress?: (progress: { bytes: number; total: number | null }) => void;
}

export interface SafeFetchResult {
  requestedUrl: string;
  /** URL after redirects. */
  finalUrl: string;
  status: number;
  /** Media type without parameters, lower case (with `sniffPdf`, application/pdf for a body that starts with "%PDF-"). */
  mediaType: string;
  /** The charset parameter of Content-Type, if any. */
  charset: string | null;
  body: Buffer;
  fetchedAt: Date;
  redirects: string[];
}

const USER_AGENT = "Sanad/0.1 (fact-checking archive; +https://github.com/sanad)";

/** Validate a user-given URL before any network use. */
export function checkFetchUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError("INVALID_INPUT", `not a valid URL: ${raw.slice(0, 200)}`).withReason("badUrl");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new AppError("URL_NOT_ALLOWED", `only http and https links can be fetched, not ${url.protocol.replace(/:$/, "")}`).withReason("scheme", { scheme: url.protocol.replace(/:$/, "") });
  if (url.username || url.password) throw new AppError("URL_NOT_ALLOWED", "links with a user name or password cannot be fetched").withReason("credentials");
  url.hash = "";
  return url;
}

function refuse(host: string, reason: string): AppError {
  return new AppError("URL_NOT_ALLOWED", `${host} cannot be fetched: ${reason} (private and local addresses are refused; an operator can allow them with SANAD_FETCH_ALLOW)`).withReason("privateAddress", { host });
}

/** A lookup that only ever yields addresses the policy permits, so the socket connects to one of those. */
function guardedLookup(host: string, allow: FetchAllowList): LookupFunction {
  const trusted = hostAllowed(host, allow);
  return ((hostname: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) => {
    dns.lookup(hostname, { all: true, verbatim: true, family: options.family }, (err, addresses) => {
      if (err) return callback(err);
      const permitted = trusted ? addresses : addresses.filter((a) => addressProblem(a.address, allow) === null);
      if (permitted.length === 0) {
        const why = addressProblem(addresses[0]?.address ?? "", allow) ?? "no address";
        return callback(refuse(host, why));
      }
      if (options.all) callback(null, permitted);
      else callback(null, permitted[0].address, permitted[0].family);
    });
  }) as unknown as LookupFunction;
}

interface Hop {
  status: number;
  headers: http.IncomingHttpHeaders;
  response: http.IncomingMessage;
}

function request(url: URL, allow: FetchAllowList, signal: AbortSignal): Promise<Hop> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(host) && !hostAllowed(host, allow)) {
    const why = addressProblem(host, allow);
    if (why) return Promise.reject(refuse(host, why));
  }
  const lib = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(url, {
      method: "GET",
      headers: { "user-agent": USER_AGENT, accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5", "accept-encoding": "gzip, deflate, br" },
      lookup: guardedLookup(host, allow),
      // a fresh connection per request: a pooled socket could be to a host checked for another URL
      agent: false,
      signal,
    });
    req.on("response", (response) => resolve({ status: response.statusCode ?? 0, headers: response.headers, response }));
    req.on("error", reject);
    req.end();
  });
}

function mediaTypeOf(header: string | undefined): { mediaType: string; charset: string | null } {
  const [type, ...params] = (header ?? "").split(";");
  const charset = params.map((p) => p.trim().match(/^charset\s*=\s*"?([^";]+)"?$/i)?.[1]).find(Boolean) ?? null;
  return { mediaType: type.trim().toLowerCase(), charset: charset ? charset.toLowerCase() : null };
}

function decoded(response: http.IncomingMessage): Readable {
  switch ((response.headers["content-encoding"] ?? "").toLowerCase().trim()) {
    case "gzip":
    case "x-gzip":
      return response.pipe(zlib.createGunzip());
    case "deflate":
      return response.pipe(zlib.createInflate());
    case "br":
      return response.pipe(zlib.createBrotliDecompress());
    default:
      return response;
  }
}

async function readCapped(response: http.IncomingMessage, maxBytes: number, onProgress: SafeFetchOptions["onProgress"]): Promise<Buffer> {
  const declared = Number(response.headers["content-length"]);
  const total = Number.isFinite(declared) && declared >= 0 ? declared : null;
  if (total !== null && total > maxBytes && !response.headers["content-encoding"]) {
    response.destroy();
    throw new AppError("FETCH_TOO_LARGE", `the page is ${formatBytes(total)}, more than the ${formatBytes(maxBytes)} limit`);
  }
  const chunks: Buffer[] = [];
  let bytes = 0;
  const stream = decoded(response);
  for await (const chunk of stream) {
    bytes += (chunk as Buffer).length;
    if (bytes > maxBytes) {
      response.destroy();
      stream.destroy();
      throw new AppError("FETCH_TOO_LARGE", `the page is larger than the ${formatBytes(maxBytes)} limit`);
    }
    chunks.push(chunk as Buffer);
    onProgress?.({ bytes, total });
  }
  return Buffer.concat(chunks);
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

function networkError(e: unknown, url: URL): AppError {
  if (e instanceof AppError) return e;
  const code = (e as NodeJS.ErrnoException)?.code ?? "";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return new AppError("FETCH_FAILED", `${url.hostname} could not be found (DNS)`).withReason("dns", { host: url.hostname });
  if (code === "ECONNREFUSED") return new AppError("FETCH_FAILED", `${url.host} refused the connection`).withReason("connectionRefused", { host: url.host });
  if (code === "ECONNRESET" || code === "EPIPE") return new AppError("FETCH_FAILED", `${url.host} closed the connection`).withReason("connectionClosed", { host: url.host });
  if (code === "Z_DATA_ERROR" || code === "ERR_PADDING_1") return new AppError("FETCH_FAILED", `${url.host} sent a body that could not be decompressed`).withReason("badBody", { host: url.host });
  if (code.startsWith("ERR_TLS") || code.includes("CERT")) return new AppError("FETCH_FAILED", `${url.host}: TLS error (${code})`).withReason("tls", { host: url.host });
  return new AppError("FETCH_FAILED", `${url.host} could not be fetched (${code || (e as Error)?.message || "unknown error"})`);
}

/**
 * Fetches running at once in this process, across every user and purpose (imports, archives,
 * feeds). Each may hold up to its size cap (5 MiB) in memory for up to its time cap (20 s), and
 * starting one costs an editor one request, so without a bound a loop of imports could hold
 * gigabytes. Beyond it the fetch is refused at once (429), like the extract pool's queue.
 */
export const MAX_CONCURRENT_FETCHES = 16;
let activeFetches = 0;

/** Fetch `options.url` under the rules in the file header. Throws AppError on every refusal or failure. */
export async function safeFetch(options: SafeFetchOptions): Promise<SafeFetchResult> {
  if (activeFetches >= MAX_CONCURRENT_FETCHES) throw new AppError("RATE_LIMITED", "Too many pages are being fetched at once. Try again in a minute.");
  activeFetches++;
  try {
    return await fetchWithinCaps(options);
  } finally {
    activeFetches--;
  }
}

async function fetchWithinCaps(options: SafeFetchOptions): Promise<SafeFetchResult> {
  const allow = options.allow ?? allowListFromEnv();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const redirects: string[] = [];
  let url = checkFetchUrl(options.url);
  try {
    for (;;) {
      let hop: Hop;
      try {
        hop = await request(url, allow, controller.signal);
      } catch (e) {
        throw timedOut ? timeoutError(url, timeoutMs) : networkError(e, url);
      }
      const { status, headers, response } = hop;
      if ([301, 302, 303, 307, 308].includes(status)) {
        response.resume();
        const location = headers.location;
        if (!location) throw new AppError("FETCH_FAILED", `${url.host} answered ${status} without a Location`).withReason("badRedirect", { host: url.host });
        if (redirects.length >= maxRedirects) throw new AppError("FETCH_FAILED", `more than ${maxRedirects} redirects`).withReason("tooManyRedirects", { max: maxRedirects });
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new AppError("FETCH_FAILED", `${url.host} redirected to an invalid URL`).withReason("badRedirect", { host: url.host });
        }
        url = checkFetchUrl(next.toString());
        redirects.push(url.toString());
        continue;
      }
      if (status < 200 || status > 299) {
        response.resume();
        throw new AppError("FETCH_FAILED", `${url.host} answered HTTP ${status}`, { status }).withReason("httpStatus", { host: url.host, status });
      }
      const declared = mediaTypeOf(headers["content-type"]);
      let { mediaType, charset } = declared;
      const sniff = !!options.sniffPdf && (!options.accept?.length || options.accept.includes(PDF_TYPE));
      const wrongType = (type: string) => new AppError("FETCH_WRONG_TYPE", `the link is ${type || "of an unknown type"}, not a web page (${options.accept!.join(", ")})`, { mediaType: type });
      // Refused before the body when the type cannot be accepted, even after sniffing.
      if (options.accept?.length && !options.accept.includes(mediaType) && !(sniff && OPAQUE_TYPES.has(mediaType))) {
        response.destroy();
        throw wrongType(mediaType);
      }
      let body: Buffer;
      try {
        body = await readCapped(response, maxBytes, options.onProgress);
      } catch (e) {
        throw timedOut ? timeoutError(url, timeoutMs) : networkError(e, url);
      }
      if (sniff && looksLikePdf(body)) {
        mediaType = PDF_TYPE;
        charset = null;
      } else if (options.accept?.length && !options.accept.includes(mediaType)) {
        throw wrongType(mediaType);
      }
      return { requestedUrl: options.url, finalUrl: url.toString(), status, mediaType, charset, body, fetchedAt: new Date(), redirects };
    }
  } finally {
    clearTimeout(timer);
  }
}

function timeoutError(url: URL, timeoutMs: number): AppError {
  return new AppError("FETCH_TIMEOUT", `${url.host} did not answer within ${Math.round(timeoutMs / 1000)} s`);
}
