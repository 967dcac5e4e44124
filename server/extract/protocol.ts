import type { ExtractedPage } from "../articles/extract-page";
import type { PdfText } from "../archive/pdf-text";
import type { WorkerReply } from "../workers/single-thread-pool";

/** Messages between the extraction pool and its worker thread. */
export type ExtractTask =
  | { kind: "article"; bytes: Uint8Array; httpCharset: string | null; url: string }
  | { kind: "snapshot"; bytes: Uint8Array; mediaType: string; charset: string | null }
  | { kind: "pdf"; bytes: Uint8Array };

export type ExtractResult =
  | { kind: "article"; page: ExtractedPage }
  | { kind: "snapshot"; snapshot: { text: string; title: string; encoding: string } }
  | { kind: "pdf"; pdf: PdfText };

export interface ExtractRequest { id: number; task: ExtractTask }
export type ExtractReply = WorkerReply<ExtractResult>;
