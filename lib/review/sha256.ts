import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";

/**
 * SHA-256 for content hashes, synchronous in the browser and in Node.
 *
 * Why not WebCrypto or node:crypto: `crypto.subtle.digest` is async, and node:crypto does not
 * exist in the browser. The workspace computes a claim's content hash synchronously during
 * render to show "approved" vs "changed since approval", byte for byte the hash the server
 * stored at sign-off. `@noble/hashes` (audited, dependency-free) replaced a hand-written
 * FIPS 180-4 implementation; the stored-hash fixtures in content-hash.test.ts prove the
 * output did not change.
 */

const encoder = new TextEncoder();

/** SHA-256 of raw bytes, as 64 lowercase hex characters. */
export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/** SHA-256 of a string's UTF-8 encoding (lone surrogates become U+FFFD, as in Node). */
export function sha256Utf8(text: string): string {
  return sha256Hex(encoder.encode(text));
}
