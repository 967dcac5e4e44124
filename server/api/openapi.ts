import { z } from "zod";
import type { ApiScope } from "../../lib/api-tokens";
import { ZImportArticleInput } from "../articles/import-article";
import { ZSignOffClaimInput } from "../claims/sign-off-claim";
import { ZPublishArticleInput } from "../publication/publish-article";
import { ZArticleSummary, ZArticleWithClaims, ZClaim, ZError, ZImportedArticle, ZPublication, ZPublishResult, ZSignOffResult } from "./schemas";

/** One documented endpoint. Every route file under app/api/v1 must have its methods here (a unit test checks). */
export interface ApiOperation {
  method: "get" | "post";
  /** OpenAPI path template, e.g. /api/v1/articles/{id}. */
  path: string;
  operationId: string;
  summary: string;
  scope: ApiScope;
  body?: z.ZodType;
  response: { status: number; schema: z.ZodType; description: string };
  /** Error statuses this endpoint answers besides 401. */
  errors: number[];
}

export const API_OPERATIONS: ApiOperation[] = [
  { method: "get", path: "/api/v1/articles", operationId: "listArticles", summary: "Articles the caller may see, newest first", scope: "read",
    response: { status: 200, schema: z.object({ articles: z.array(ZArticleSummary) }), description: "The articles" }, errors: [403] },
  { method: "post", path: "/api/v1/articles", operationId: "importArticle", summary: "Import an article from its text (editors and up)", scope: "write",
    body: ZImportArticleInput, response: { status: 201, schema: ZImportedArticle, description: "The new article" }, errors: [400, 403, 413, 415] },
  { method: "get", path: "/api/v1/articles/{id}", operationId: "getArticle", summary: "One article with its body and every claim", scope: "read",
    response: { status: 200, schema: ZArticleWithClaims, description: "The article and its claims" }, errors: [403, 404] },
  { method: "get", path: "/api/v1/articles/{id}/publications", operationId: "listPublications", summary: "Every published version of an article, newest first", scope: "read",
    response: { status: 200, schema: z.object({ publications: z.array(ZPublication) }), description: "The versions" }, errors: [403, 404] },
  { method: "post", path: "/api/v1/articles/{id}/publish", operationId: "publishArticle", summary: "Publish the article, or republish it as a correction (reviewers and admins)", scope: "write",
    body: ZPublishArticleInput, response: { status: 200, schema: ZPublishResult, description: "The new version" }, errors: [400, 403, 404, 409, 415] },
  { method: "get", path: "/api/v1/articles/{id}/claims/{claimId}", operationId: "getClaim", summary: "One claim from the current document", scope: "read",
    response: { status: 200, schema: ZClaim, description: "The claim" }, errors: [403, 404] },
  { method: "post", path: "/api/v1/articles/{id}/claims/{claimId}/sign-off", operationId: "signOffClaim", summary: "Approve, request changes or exclude a claim (reviewers; four-eyes rule)", scope: "write",
    body: ZSignOffClaimInput, response: { status: 200, schema: ZSignOffResult, description: "The recorded decision" }, errors: [400, 403, 404, 409, 415] },
];

const jsonSchema = (schema: z.ZodType, io: "input" | "output") => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any", reused: "inline" }) as Record<string, unknown>;
  return rest;
};

const ERROR_TEXT: Record<number, string> = {
  400: "Invalid input (message says what)", 401: "No valid token (or a write without a token)", 403: "The token lacks the scope, or the person's role does not allow it",
  404: "Not found", 409: "Conflict (message says what)", 413: "Body too large", 415: "Send application/json",
};

/** The OpenAPI 3.1 document for /api/v1, generated from the zod schemas of the operations. */
export function openApiDocument(serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  const error = { content: { "application/json": { schema: jsonSchema(ZError, "output") } } };
  for (const op of API_OPERATIONS) {
    const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      description: `Needs a token with the \`${op.scope}\` scope${op.scope === "read" ? " (or a signed-in browser session)" : " — a session cookie is never accepted for writes"}; the person's current role is checked as well.`,
      security: [{ bearerToken: [op.scope] }],
      "x-sanad-scope": op.scope,
      ...(params.length ? { parameters: params } : {}),
      ...(op.body ? { requestBody: { required: op.path.endsWith("/publish") ? false : true, content: { "application/json": { schema: jsonSchema(op.body, "input") } } } } : {}),
      responses: {
        [op.response.status]: { description: op.response.description, content: { "application/json": { schema: jsonSchema(op.response.schema, "output") } } },
        ...Object.fromEntries([401, ...op.errors].map((s) => [s, { description: ERROR_TEXT[s] ?? "Error", ...error }])),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Sanad API", version: "1",
      description: "Read articles, claims and publications; import, sign off and publish. Personal API tokens (Settings → API tokens) are sent as `Authorization: Bearer sanad_…`. Errors are JSON `{ error, code }`.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: { securitySchemes: { bearerToken: { type: "http", scheme: "bearer", description: "A personal API token (sanad_…)" } } },
    paths,
  };
}
