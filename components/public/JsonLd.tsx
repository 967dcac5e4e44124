import { jsonLdScriptContent } from "@/lib/publication/safe-json-ld";

/**
 * One JSON-LD script. The only dangerouslySetInnerHTML in the public pages, and only for
 * JSON escaped by jsonLdScriptContent (no `<`, `>` or `&` survive), so user text in a claim
 * cannot close the script element.
 */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScriptContent(data) }} />;
}
