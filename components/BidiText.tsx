/**
 * Left-to-right data inside user-written text, isolated so an Arabic sentence does not
 * scramble it. Two kinds are found: web addresses ("المصدر: https://example.org/" otherwise
 * shows its trailing slash before the "https"), and dates written with hyphens ("بتاريخ
 * 2020-07-20" otherwise shows as 20-07-2020, because after Arabic letters the hyphen splits the
 * number into pieces laid out right to left). Each becomes its own left-to-right <bdi>; the
 * text around it is untouched, and nothing is rendered as HTML. Punctuation that ends a
 * sentence stays outside an address.
 */
const LTR_RUN = /\bhttps?:\/\/[^\s<>"'«»]*[^\s<>"'«».,;:!?،؛؟)\]}]|(?<![\p{Nd}-])(?:\p{Nd}{4}-\p{Nd}{1,2}-\p{Nd}{1,2}|\p{Nd}{1,2}-\p{Nd}{1,2}-\p{Nd}{4})(?![\p{Nd}-])/gu;

/** Split text into plain runs and left-to-right runs (exported for the unit test). */
export function splitLtrRuns(text: string): Array<{ kind: "text" | "ltr"; text: string }> {
  const parts: Array<{ kind: "text" | "ltr"; text: string }> = [];
  let last = 0;
  for (const m of text.matchAll(LTR_RUN)) {
    let run = m[0];
    // A closing bracket ends an address only when the address opened none ("(2015)" in a UN symbol).
    while (text[m.index + run.length] === ")" && (run.match(/\(/g)?.length ?? 0) > (run.match(/\)/g)?.length ?? 0)) run += ")";
    if (m.index > last) parts.push({ kind: "text", text: text.slice(last, m.index) });
    parts.push({ kind: "ltr", text: run });
    last = m.index + run.length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}

export function BidiText({ text }: { text: string }) {
  return (
    <>
      {splitLtrRuns(text).map((p, i) => (p.kind === "text" ? p.text
        // a long address may break anywhere; a date never breaks
        : <bdi key={i} dir="ltr" className={/^https?:/.test(p.text) ? "[overflow-wrap:anywhere]" : "whitespace-nowrap"}>{p.text}</bdi>))}
    </>
  );
}
