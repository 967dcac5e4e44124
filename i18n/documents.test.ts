import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The root layout renders no <html>: every top-level app route needs its own layout that renders
 * a document (AppDocument, or the public pages' article-language document), or its pages render
 * without <html> and without the translations provider (client components then throw).
 */
const APP = join(__dirname, "..", "app");
const PUBLIC = new Set(["api", "v"]); // api has no pages; v has its own document per article

function hasPage(dir: string): boolean {
  return readdirSync(dir).some((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? hasPage(p) : /^page\.tsx$/.test(f);
  });
}

describe("app documents", () => {
  it("gives every top-level route with pages a layout that renders the app document", () => {
    const missing = readdirSync(APP)
      .filter((d) => statSync(join(APP, d)).isDirectory() && !PUBLIC.has(d) && hasPage(join(APP, d)))
      .filter((d) => {
        const layout = join(APP, d, "layout.tsx");
        return !existsSync(layout) || !readFileSync(layout, "utf8").includes("AppDocument");
      });
    expect(missing).toEqual([]);
  });
});
