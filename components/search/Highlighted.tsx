import { segments, type Snippet } from "@/lib/search/highlight";

/** A snippet as text nodes and <mark> elements: user text is never parsed as HTML. */
export function Highlighted({ snippet }: { snippet: Snippet }) {
  return (
    <>
      {segments(snippet).map((s, i) => (s.mark ? <mark key={i} className="rounded bg-amber-200 px-0.5 text-inherit">{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}
