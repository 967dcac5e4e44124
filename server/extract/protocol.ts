import type { ExtractedPage } from "../articles/extract-page";
import type { WorkerReply } from "../workers/single-thread-pool";

/** Messages between the extraction pool and its worker thread. */
export type ExtractTask =
  | { kind: "article"; bytes: Uint8Array; httpCharset: string | null; url: string }
  | { kind: "snapshot"; bytes: Uint8Array; mediaType: string; charset: string | null };

export type ExtractResult =
  | { kind: "article"; page: ExtractedPage }
  | { kind: "snapshot"; snapshot: { text: string; title: string; encoding: string } };

export interface ExtractRequest { id: number; task: ExtractTask }
export type ExtractReply = WorkerReply<ExtractResult>;
