/**
 * Web addresses inside user-written text, isolated as left-to-right runs. In an Arabic
 * sentence a bare address is split by the bidi algorithm: "المصدر: https://example.org/"
 * shows its trailing slash before the "https" and its path segments out of order. Each
 * address becomes its own left-to-right <bdi>; the text around it is untouched, and nothing
 * is rendered as HTML. Punctuation that ends a sentence stays outside the address.
 */
const ADDRESS = /\bhttps?:\/\/[^\s<>"'«»]*[^\s<>"'«».,;:!?،؛؟)\]}]/g;

/** Split text into plain runs and addresses (exported for the unit test). */
export function splitAddresses(text: string): Array<{ kind: "text" | "address"; text: string }> {
  const parts: Array<{ kind: "text" | "address"; text: string }> = [];
  let last = 0;
  for (const m of text.matchAll(ADDRESS)) {
    let address = m[0];
    // A closing bracket ends the address only when the address opened none ("(2015)" in a UN symbol).
    while (text[m.index + address.length] === ")" && (address.match(/\(/g)?.length ?? 0) > (address.match(/\)/g)?.length ?? 0)) address += ")";
    if (m.index > last) parts.push({ kind: "text", text: text.slice(last, m.index) });
    parts.push({ kind: "address", text: address });
    last = m.index + address.length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}

export function BidiText({ text }: { text: string }) {
  return (
    <>
      {splitAddresses(text).map((p, i) => (p.kind === "text" ? p.text : <bdi key={i} dir="ltr" className="break-all">{p.text}</bdi>))}
    </>
  );
}
