import type { Anchor, ClaimView } from "../../lib/claim-model";

/**
 * Test support (not used by product code): builds well-formed ClaimViews for the review,
 * publication and export tests, anchored into a given body.
 */

/** Anchor `exact` at its first occurrence in `body` (throws if absent), with 32-char context. */
export function anchorIn(body: string, exact: string, context = 32): Anchor {
  const start = body.indexOf(exact);
  if (start < 0) throw new Error(`anchorIn: "${exact}" not in body`);
  const end = start + exact.length;
  return { start, end, exact, prefix: body.slice(Math.max(0, start - context), start), suffix: body.slice(end, end + context) };
}

/** A complete claim with a verdict, one source and one comment; override any part. */
export function makeClaim(overrides: Partial<ClaimView> = {}): ClaimView {
  return {
    id: "claim-1",
    type: "meeting",
    anchor: { start: 0, end: 5, exact: "Hello", prefix: "", suffix: " world" },
    fields: { participants: ["Egypt", "Kenya"], place: "Nairobi", date: "2024-03-14", kind: "meeting" },
    status: "needs_review",
    verdict: "true",
    verdictBy: "user-editor",
    rationale: "Both governments published statements on the day.",
    sources: [
      {
        id: "src-1",
        url: "https://example.org/statement",
        title: "Statement",
        publisher: "Kenyan presidency",
        date: "2024-03-14",
        archivedUrl: "https://web.archive.org/web/2024/https://example.org/statement",
        note: "Official",
        addedBy: "user-editor",
        addedAt: "2024-03-15T10:00:00.000Z",
      },
    ],
    comments: [
      { id: "c-1", authorId: "user-editor", authorName: "Editor", text: "internal note", createdAt: "2024-03-15T10:00:00.000Z", editedAt: null },
    ],
    assigneeId: "user-editor",
    createdBy: "user-editor",
    createdAt: "2024-03-15T09:00:00.000Z",
    updatedBy: "user-editor",
    updatedAt: "2024-03-15T11:00:00.000Z",
    ...overrides,
  };
}
