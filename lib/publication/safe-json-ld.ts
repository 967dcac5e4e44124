/**
 * Serialise JSON-LD for `<script type="application/ld+json">…</script>`.
 *
 * Script content is raw text to the HTML parser: a user-typed `</script>` in a claim or
 * rationale would end the element and whatever follows would run as HTML. `<!--` can also
 * switch the parser into script-data-escaped states. Escaping `<`, `>` and `&` as JSON
 * \uXXXX escapes makes every such sequence impossible while the JSON value stays identical
 * (JSON.parse gives back the same object). U+2028/U+2029 are escaped too: valid in JSON but
 * line terminators in pre-ES2019 JavaScript, which breaks anyone who evals or inlines it.
 */
const UNSAFE = /[<>&\u2028\u2029]/g;

/** JSON text safe to place verbatim between <script type="application/ld+json"> tags. */
export function jsonLdScriptContent(obj: unknown): string {
  const json = JSON.stringify(obj);
  if (json === undefined) throw new TypeError("jsonLdScriptContent: value is not serialisable as JSON");
  return json.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
