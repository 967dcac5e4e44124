import type { ClaimStatus, ClaimView } from "../claim-model";
import type { ClaimFields, ClaimType } from "../claim-types";
import { verdictLabel } from "../verdicts";

/**
 * Export an article's claims as a W3C Web Annotation collection (JSON-LD), so other tools
 * (Hypothesis-style clients, archives, research pipelines) can re-anchor them on the text.
 * This is an internal/working export of the live claims, not the public publication: it
 * carries status and drafts, but never comments (private discussion) or anything but user ids.
 *
 * Shape of one annotation:
 *   { id, type: "Annotation", motivation: "assessing", created, modified,
 *     creator: { id: "<base>/users/<userId>", type: "Person" },
 *     body: [
 *       { type: "TextualBody", purpose: "assessing", value: <rationale>, format: "text/plain", language },
 *       { type: "TextualBody", purpose: "classifying", value: <verdict label>, language }   (when a verdict is set)
 *       { type: "sanad:ClaimAssessment", claimType, fields, verdict, verdictLabel, status, rationale, statement, sources }
 *     ],
 *     target: { source: <article URL>, selector: [TextPositionSelector, TextQuoteSelector] } }
 * The TextualBody entries are what generic Web Annotation clients display. The Sanad object
 * carries the structured data for Sanad-aware consumers; its claim type is `claimType`, not
 * `type`, because `type` is the JSON-LD @type alias in the anno.jsonld context. A JSON-LD
 * processor reads "sanad:ClaimAssessment" as an IRI and drops the undefined Sanad terms on
 * expansion, which is harmless: the standard parts stand on their own.
 */

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

export interface TextPositionSelector { type: "TextPositionSelector"; start: number; end: number }
export interface TextQuoteSelector { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string }

export interface SanadAssessmentBody {
  type: "sanad:ClaimAssessment";
  claimType: ClaimType;
  fields: ClaimFields;
  verdict: string | null;
  verdictLabel: string | null;
  status: ClaimStatus;
  rationale: string;
  /** The checkable statement ("" until written). */
  statement: string;
  sources: Array<{ url: string; title: string; publisher: string; date: string; archivedUrl: string; note: string }>;
}

export interface TextualBody { type: "TextualBody"; purpose: "assessing" | "classifying"; value: string; format?: "text/plain"; language: string }

export interface WebAnnotation {
  id: string;
  type: "Annotation";
  motivation: "assessing";
  created: string;
  modified: string;
  creator: { id: string; type: "Person" };
  body: Array<TextualBody | SanadAssessmentBody>;
  target: { source: string; selector: [TextPositionSelector, TextQuoteSelector] };
}

export interface WebAnnotationCollection {
  "@context": typeof ANNO_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  first: { id: string; type: "AnnotationPage"; startIndex: 0; items: WebAnnotation[] };
}

export interface WebAnnotationArticle {
  id: string;
  title: string;
  body: string;
  /** Original article URL; "" when imported without one (the Sanad article URL is used). */
  sourceUrl: string;
  language: string;
}

const isHttpUrl = (v: string) => /^https?:\/\/[^/\s]+/i.test(v);

/**
 * Builds the collection, claims in article order. Ids are stable IRIs under baseUrl
 * (<base>/articles/<articleId>/annotations[/<claimId>]); they identify, they need not resolve.
 */
export function buildWebAnnotations(input: { article: WebAnnotationArticle; claims: ClaimView[]; baseUrl: string }): WebAnnotationCollection {
  const { article } = input;
  const base = input.baseUrl.replace(/\/+$/, "");
  const articleUrl = `${base}/articles/${encodeURIComponent(article.id)}`;
  const collectionId = `${articleUrl}/annotations`;
  const source = isHttpUrl(article.sourceUrl) ? article.sourceUrl : articleUrl;
  const claims = [...input.claims].sort((a, b) => a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end);

  const items = claims.map((claim): WebAnnotation => {
    const label = claim.verdict ? verdictLabel(claim.verdict, article.language) : null;
    const body: WebAnnotation["body"] = [{ type: "TextualBody", purpose: "assessing", value: claim.rationale, format: "text/plain", language: article.language }];
    if (label) body.push({ type: "TextualBody", purpose: "classifying", value: label, language: article.language });
    body.push({
      type: "sanad:ClaimAssessment",
      claimType: claim.type,
      fields: JSON.parse(JSON.stringify(claim.fields)) as ClaimFields,
      verdict: claim.verdict,
      verdictLabel: label,
      status: claim.status,
      rationale: claim.rationale,
      statement: claim.statement ?? "",
      sources: claim.sources.map(({ url, title, publisher, date, archivedUrl, note }) => ({ url, title, publisher, date, archivedUrl, note })),
    });
    const { start, end, exact, prefix, suffix } = claim.anchor;
    return {
      id: `${collectionId}/${encodeURIComponent(claim.id)}`,
      type: "Annotation",
      motivation: "assessing",
      created: claim.createdAt,
      modified: claim.updatedAt,
      creator: { id: `${base}/users/${encodeURIComponent(claim.createdBy)}`, type: "Person" },
      body,
      target: { source, selector: [{ type: "TextPositionSelector", start, end }, { type: "TextQuoteSelector", exact, prefix, suffix }] },
    };
  });

  return {
    "@context": ANNO_CONTEXT,
    id: collectionId,
    type: "AnnotationCollection",
    label: article.title,
    total: items.length,
    first: { id: `${collectionId}?page=0`, type: "AnnotationPage", startIndex: 0, items },
  };
}

/**
 * Checks every annotation's selectors against the article body: positions are integers with
 * 0 <= start <= end <= body.length, exact === body.slice(start, end), and prefix/suffix are
 * exactly the text just before/after. Returns one message per problem ([] = consistent).
 */
export function validateWebAnnotationExport(collection: WebAnnotationCollection, body: string): string[] {
  const errors: string[] = [];
  const items = collection.first?.items ?? [];
  if (collection.total !== items.length) errors.push(`total is ${collection.total} but ${items.length} annotations are listed`);
  for (const annotation of items) {
    const where = annotation.id;
    const selectors = annotation.target?.selector ?? [];
    const position = selectors.find((s): s is TextPositionSelector => s.type === "TextPositionSelector");
    const quote = selectors.find((s): s is TextQuoteSelector => s.type === "TextQuoteSelector");
    if (!position || !quote) {
      errors.push(`${where}: needs a TextPositionSelector and a TextQuoteSelector`);
      continue;
    }
    const { start, end } = position;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > body.length) {
      errors.push(`${where}: position ${start}..${end} is outside the body (length ${body.length})`);
      continue;
    }
    if (quote.exact !== body.slice(start, end)) errors.push(`${where}: exact ${JSON.stringify(quote.exact)} != body[${start}..${end}] ${JSON.stringify(body.slice(start, end))}`);
    if (quote.prefix.length > start || body.slice(start - quote.prefix.length, start) !== quote.prefix) errors.push(`${where}: prefix does not match the text before ${start}`);
    if (body.slice(end, end + quote.suffix.length) !== quote.suffix) errors.push(`${where}: suffix does not match the text after ${end}`);
  }
  return errors;
}
