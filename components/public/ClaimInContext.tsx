import type { Anchor } from "@/lib/claim-model";

/**
 * The paragraph of the article that holds the claim, with the claimed words highlighted.
 * Everything is rendered as React text (never HTML); offsets are clamped so a bad anchor
 * shows the plain quote instead of breaking the page.
 */
export function ClaimInContext({ body, anchor, maxContext = 320 }: { body: string; anchor: Anchor; maxContext?: number }) {
  const valid = anchor.start >= 0 && anchor.end <= body.length && anchor.start < anchor.end && body.slice(anchor.start, anchor.end) === anchor.exact;
  if (!valid) {
    return <p><mark className="rounded-sm bg-yellow-100 px-0.5 text-inherit">{anchor.exact}</mark></p>;
  }
  const paraStart = body.lastIndexOf("\n", anchor.start - 1) + 1;
  const nl = body.indexOf("\n", anchor.end);
  const paraEnd = nl === -1 ? body.length : nl;
  let from = paraStart;
  let to = paraEnd;
  if (anchor.start - from > maxContext) from = body.lastIndexOf(" ", anchor.start - maxContext) + 1 || anchor.start - maxContext;
  if (to - anchor.end > maxContext) to = body.indexOf(" ", anchor.end + maxContext) === -1 ? anchor.end + maxContext : body.indexOf(" ", anchor.end + maxContext);
  return (
    <p>
      {from > paraStart && "… "}
      {body.slice(from, anchor.start)}
      <mark className="rounded-sm bg-yellow-100 px-0.5 text-inherit underline decoration-yellow-600 decoration-2 underline-offset-4">{anchor.exact}</mark>
      {body.slice(anchor.end, to)}
      {to < paraEnd && " …"}
    </p>
  );
}
