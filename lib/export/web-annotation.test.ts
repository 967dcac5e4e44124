import { describe, expect, it } from "vitest";
import { anchorIn, makeClaim } from "../../server/test-support/claims";
import { buildWebAnnotations, validateWebAnnotationExport, type SanadAssessmentBody } from "./web-annotation";

const BODY = "وخلال الأشهر الأخيرة عزز البلدان من علاقتهما؛ بعقد اجتماعاتٍ مكثفة، كان أبرزها زيارة الرئيس التركي إلى الدوحة 😀 في 2020.";
const article = { id: "a-ar", title: "هل يمتد الحلف؟", body: BODY, sourceUrl: "https://altaghyeer.example/1", language: "ar" };

const claims = [
  makeClaim({ id: "c2", anchor: anchorIn(BODY, "2020"), type: "date", fields: { value: "2020", precision: "year" }, verdict: null, status: "draft", createdBy: "user-2" }),
  makeClaim({ id: "c1", anchor: anchorIn(BODY, "زيارة الرئيس التركي إلى الدوحة"), createdBy: "user-1", comments: [{ id: "k", authorId: "u", authorName: "N", text: "private comment", createdAt: "", editedAt: null }] }),
];

describe("buildWebAnnotations", () => {
  const collection = buildWebAnnotations({ article, claims, baseUrl: "https://sanad.example/" });

  it("builds an AnnotationCollection with assessing annotations in article order", () => {
    expect(collection).toMatchObject({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationCollection", id: "https://sanad.example/articles/a-ar/annotations", total: 2, label: "هل يمتد الحلف؟" });
    const [first, second] = collection.first.items;
    expect(first.id).toBe("https://sanad.example/articles/a-ar/annotations/c1");
    expect(second.id).toBe("https://sanad.example/articles/a-ar/annotations/c2");
    expect(first).toMatchObject({ type: "Annotation", motivation: "assessing", created: claims[1].createdAt, modified: claims[1].updatedAt, creator: { id: "https://sanad.example/users/user-1", type: "Person" } });
    expect(first.target.source).toBe("https://altaghyeer.example/1");
    expect(first.target.selector).toEqual([
      { type: "TextPositionSelector", start: claims[1].anchor.start, end: claims[1].anchor.end },
      { type: "TextQuoteSelector", exact: "زيارة الرئيس التركي إلى الدوحة", prefix: claims[1].anchor.prefix, suffix: claims[1].anchor.suffix },
    ]);
  });

  it("carries rationale and verdict as TextualBody plus the Sanad assessment object", () => {
    const [first, second] = collection.first.items;
    expect(first.body[0]).toEqual({ type: "TextualBody", purpose: "assessing", value: claims[1].rationale, format: "text/plain", language: "ar" });
    expect(first.body[1]).toEqual({ type: "TextualBody", purpose: "classifying", value: "صحيح", language: "ar" });
    const sanad = first.body[2] as SanadAssessmentBody;
    expect(sanad).toMatchObject({ type: "sanad:ClaimAssessment", claimType: "meeting", verdict: "true", verdictLabel: "صحيح", status: "needs_review", rationale: claims[1].rationale });
    expect(sanad.sources[0]).toEqual({ url: "https://example.org/statement", title: "Statement", publisher: "Kenyan presidency", date: "2024-03-14", archivedUrl: "https://web.archive.org/web/2024/https://example.org/statement", note: "Official" });
    // No verdict: no classifying body, null verdict in the Sanad object.
    expect(second.body).toHaveLength(2);
    expect(second.body[1]).toMatchObject({ claimType: "date", verdict: null, verdictLabel: null, status: "draft" });
  });

  it("exports no comments or other people's data", () => {
    const json = JSON.stringify(collection);
    expect(json).not.toContain("private comment");
    expect(json).not.toContain("comments");
    expect(json).not.toContain("assignee");
  });

  it("validates against the body, and is valid JSON that round-trips", () => {
    expect(validateWebAnnotationExport(collection, BODY)).toEqual([]);
    expect(JSON.parse(JSON.stringify(collection))).toEqual(collection);
  });

  it("targets the Sanad article URL when the article has no source URL", () => {
    const c = buildWebAnnotations({ article: { ...article, sourceUrl: "" }, claims, baseUrl: "https://sanad.example" });
    expect(c.first.items[0].target.source).toBe("https://sanad.example/articles/a-ar");
  });
});

describe("validateWebAnnotationExport", () => {
  const build = (mutate: (c: ReturnType<typeof makeClaim>) => void) => {
    const claim = makeClaim({ id: "x", anchor: anchorIn(BODY, "الرئيس التركي") });
    mutate(claim);
    return validateWebAnnotationExport(buildWebAnnotations({ article, claims: [claim], baseUrl: "https://sanad.example" }), BODY);
  };

  it("reports a stale exact", () => expect(build((c) => (c.anchor.exact = "الرئيس الروسي"))[0]).toMatch(/exact/));
  it("reports shifted offsets", () => expect(build((c) => { c.anchor.start += 1; c.anchor.end += 1; }).join()).toMatch(/exact/));
  it("reports a wrong prefix", () => expect(build((c) => (c.anchor.prefix = "x"))).toEqual([expect.stringMatching(/prefix/)]));
  it("reports a wrong suffix", () => expect(build((c) => (c.anchor.suffix = "x"))).toEqual([expect.stringMatching(/suffix/)]));
  it("reports a prefix longer than the text before", () => expect(build((c) => (c.anchor.prefix = BODY + c.anchor.prefix))).toEqual([expect.stringMatching(/prefix/)]));
  it("reports out-of-range positions", () => expect(build((c) => (c.anchor.end = BODY.length + 5))[0]).toMatch(/outside/));
  it("checks against the body it is given", () => {
    const collection = buildWebAnnotations({ article, claims, baseUrl: "https://sanad.example" });
    expect(validateWebAnnotationExport(collection, "x" + BODY).length).toBeGreaterThan(0);
  });
});
