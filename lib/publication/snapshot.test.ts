import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { anchorIn, makeClaim } from "../../server/test-support/claims";
import { buildPublicationSnapshot, directionFor, type BuildPublicationSnapshotInput } from "./snapshot";

const BODY = "Trade ministers met in Nairobi on 14 March 2024. \"We will not back down,\" said the minister.";

function input(overrides: Partial<BuildPublicationSnapshotInput> = {}): BuildPublicationSnapshotInput {
  const secret = "secret.editor@newsroom.example";
  const leaky = makeClaim({
    id: "c-meeting",
    anchor: anchorIn(BODY, "Trade ministers met in Nairobi on 14 March 2024"),
    createdBy: secret,
    updatedBy: "updater@newsroom.example",
    verdictBy: "verdict.setter@newsroom.example",
    assigneeId: "assignee@newsroom.example",
    comments: [{ id: "k1", authorId: "commenter@newsroom.example", authorName: "Commenter", text: "DO NOT PUBLISH: source is my cousin", createdAt: "2024-03-15T10:00:00.000Z", editedAt: null }],
    sources: [{ ...makeClaim().sources[0], id: "src-internal-id", addedBy: "source.adder@newsroom.example", addedAt: "2024-03-15T10:00:00.000Z" }],
  });
  const quote = makeClaim({
    id: "c-quote",
    type: "quote",
    anchor: anchorIn(BODY, "We will not back down"),
    fields: { speaker: "The minister", words: "We will not back down", direct: true },
    verdict: "unverifiable",
    comments: [{ id: "k2", authorId: "u2", authorName: "Other", text: "private chatter", createdAt: "2024-03-15T10:00:00.000Z", editedAt: null }],
  });
  return {
    article: { id: "a1", slug: "port-deal", title: "Ministers sign port deal", outlet: "Harbour Ledger", sourceUrl: "https://harbour.example/port", language: "en", publishedAt: "2024-03-15", body: BODY },
    // Out of article order on purpose.
    approved: [
      { claim: quote, reviewerName: "Rania Reviewer", approvedAt: "2024-03-16T08:00:00.000Z" },
      { claim: leaky, reviewerName: "Rania Reviewer", approvedAt: new Date("2024-03-16T09:00:00.000Z") },
    ],
    excluded: [{ id: "c-other", reason: " Could not be checked before publication " }],
    publishedAt: "2024-03-16T12:00:00.000Z",
    version: 1,
    correctionNote: null,
    organisation: { name: "Sanad Desk", url: "https://sanad.example" },
    ...overrides,
  };
}

describe("buildPublicationSnapshot", () => {
  it("copies approved content in article order with labels, ratings, claim text and speaker", () => {
    const snapshot = buildPublicationSnapshot(input());
    expect(snapshot.claims.map((c) => c.id)).toEqual(["c-meeting", "c-quote"]);
    const [meeting, quote] = snapshot.claims;
    expect(meeting).toMatchObject({ verdict: "true", verdictLabel: "True", ratingValue: 6, claimText: "Trade ministers met in Nairobi on 14 March 2024", speaker: null, reviewedBy: { name: "Rania Reviewer" }, reviewedAt: "2024-03-16T09:00:00.000Z" });
    expect(quote).toMatchObject({ verdict: "unverifiable", ratingValue: null, claimText: "We will not back down", speaker: "The minister" });
    expect(meeting.sources[0]).toEqual({ url: "https://example.org/statement", title: "Statement", publisher: "Kenyan presidency", date: "2024-03-14", archivedUrl: "https://web.archive.org/web/2024/https://example.org/statement", note: "Official" });
    expect(snapshot.article).toMatchObject({ direction: "ltr", publishedAt: "2024-03-15T00:00:00.000Z" });
    expect(snapshot.excluded).toEqual([{ id: "c-other", reason: "Could not be checked before publication" }]);
  });

  it("leaks nothing unpublished: no comments, emails, user ids, assignee, source ids", () => {
    const json = JSON.stringify(buildPublicationSnapshot(input()));
    for (const forbidden of ["@newsroom.example", "DO NOT PUBLISH", "private chatter", "Commenter", "user-editor", "src-internal-id", "comments", "assignee", "createdBy", "updatedBy", "verdictBy", "addedBy", "status"]) {
      expect(json, forbidden).not.toContain(forbidden);
    }
  });

  it("is detached from the live claim objects", () => {
    const i = input();
    const snapshot = buildPublicationSnapshot(i);
    (i.approved[1].claim.fields as { place: string | null }).place = "changed later";
    i.approved[1].claim.anchor.start = 999;
    expect(JSON.stringify(snapshot)).not.toContain("changed later");
    expect(snapshot.claims[0].anchor.start).toBe(0);
  });

  it("labels verdicts in the article's language and derives rtl for Arabic", () => {
    const snapshot = buildPublicationSnapshot(input({ article: { ...input().article, language: "ar" } }));
    expect(snapshot.article.direction).toBe("rtl");
    expect(snapshot.claims.map((c) => c.verdictLabel)).toEqual(["صحيح", "لا يمكن التحقق منه"]);
    expect(directionFor("fa-IR")).toBe("rtl");
    expect(directionFor("en-GB")).toBe("ltr");
  });

  it("refuses a claim without a verdict, duplicates, corrections without a note, bad dates", () => {
    const base = input();
    const noVerdict = { ...base.approved[0], claim: { ...base.approved[0].claim, verdict: null } };
    expect(() => buildPublicationSnapshot({ ...base, approved: [noVerdict] })).toThrow(AppError);
    expect(() => buildPublicationSnapshot({ ...base, excluded: [{ id: "c-quote", reason: "x" }] })).toThrow(/more than once/);
    expect(() => buildPublicationSnapshot({ ...base, version: 2 })).toThrow(/correction note/);
    expect(() => buildPublicationSnapshot({ ...base, version: 0 })).toThrow(AppError);
    expect(() => buildPublicationSnapshot({ ...base, publishedAt: "yesterday" })).toThrow(AppError);
    expect(buildPublicationSnapshot({ ...base, version: 2, correctionNote: " Fixed the date. " }).correctionNote).toBe("Fixed the date.");
  });

  it("falls back to the anchored text for a quote without words, and null for an unnamed speaker", () => {
    const base = input();
    const quote = { ...base.approved[0], claim: { ...base.approved[0].claim, fields: { speaker: "  ", words: "", direct: true } } };
    const [claim] = buildPublicationSnapshot({ ...base, approved: [quote] }).claims;
    expect(claim.claimText).toBe("We will not back down");
    expect(claim.speaker).toBeNull();
  });
});
