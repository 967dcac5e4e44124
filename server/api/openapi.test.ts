import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_OPERATIONS, openApiDocument } from "./openapi";

const ROOT = path.resolve(import.meta.dirname, "../..");
const V1 = path.join(ROOT, "app/api/v1");

/** Every app/api/v1 route file as [OpenAPI path, exported HTTP methods]. */
function routeFiles(): Array<[string, string[]]> {
  const found: Array<[string, string[]]> = [];
  for (const entry of readdirSync(V1, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== "route.ts") continue;
    const file = path.join(entry.parentPath, entry.name);
    const route = "/api/v1/" + path.relative(V1, entry.parentPath).split(path.sep).map((s) => s.replace(/^\[(\w+)\]$/, "{$1}")).join("/");
    const methods = [...readFileSync(file, "utf8").matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1].toLowerCase());
    found.push([route.replace(/\/$/, ""), methods]);
  }
  return found;
}

describe("OpenAPI document", () => {
  const doc = openApiDocument("http://localhost:3000");

  it("documents every method of every route file under app/api/v1", () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const [route, methods] of files) {
      if (route === "/api/v1/openapi.json") continue;
      expect(methods.length, route).toBeGreaterThan(0);
      for (const m of methods) expect(doc.paths[route]?.[m], `${m.toUpperCase()} ${route}`).toBeDefined();
    }
    // and documents nothing that has no route
    const routes = new Set(files.map(([r]) => r));
    for (const op of API_OPERATIONS) expect(routes.has(op.path), op.path).toBe(true);
  });

  it("is OpenAPI 3.1 with request bodies generated from the operations' zod schemas", () => {
    expect(doc.openapi).toBe("3.1.0");
    const signOff = doc.paths["/api/v1/articles/{id}/claims/{claimId}/sign-off"].post as { requestBody: { content: { "application/json": { schema: { properties: Record<string, { enum?: string[]; pattern?: string }>; required: string[] } } } } };
    const schema = signOff.requestBody.content["application/json"].schema;
    expect(schema.properties.decision.enum).toEqual(["approved", "changes_requested", "excluded"]);
    expect(schema.properties.contentHash.pattern).toBe("^[0-9a-f]{64}$");
    expect(schema.required).toContain("contentHash");
    const imp = doc.paths["/api/v1/articles"].post as { requestBody: { content: { "application/json": { schema: { properties: Record<string, unknown> } } } } };
    expect(Object.keys(imp.requestBody.content["application/json"].schema.properties)).toEqual(expect.arrayContaining(["text", "title", "sourceUrl"]));
    expect(JSON.stringify(doc)).not.toContain('"$schema"');
  });
});
