import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { reviewableContent, type ReviewableContent } from "../claim-model";
import { canonicalJson, claimContentHash, contentHash } from "./content-hash";
import { sha256Hex, sha256Utf8 } from "./sha256";
import { makeClaim } from "../../server/test-support/claims";

/** Replace one field; fields is a union over claim types, so spread it as a plain record. */
const withField = (c: ReviewableContent, key: string, value: unknown): ReviewableContent =>
  ({ ...c, fields: { ...(c.fields as Record<string, unknown>), [key]: value } as ReviewableContent["fields"] });

const nodeSha = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

/** Deterministic PRNG so a failure is reproducible. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 0x100000000;
  };
}

const ALPHABETS = [
  "abcdefghijklmnopqrstuvwxyz0123456789 \n\t\"\\{}",
  "ابتثجحخدذرسشصضطظعغفقكلمنهوي ءآأإؤئةى ًٌٍَُِّْ",
  "😀🇸🇾👩‍👩‍👧‍👦🕌✅❌",
  "\u0000\u007f\u0080\u07ff\u0800\uffff\u2028\u2029",
];

function randomString(next: () => number, length: number): string {
  let s = "";
  while (s.length < length) {
    const alphabet = Array.from(ALPHABETS[Math.floor(next() * ALPHABETS.length)]);
    s += alphabet[Math.floor(next() * alphabet.length)];
  }
  return s;
}

describe("sha256", () => {
  it("matches known vectors", () => {
    expect(sha256Utf8("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Utf8("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("matches node:crypto on random strings (Arabic, emoji, control characters), every padding length", () => {
    const next = rng(42);
    for (let i = 0; i < 600; i++) {
      // Lengths 0..199 cover the 55/56/64-byte padding boundaries many times over.
      const s = randomString(next, i % 200);
      expect(sha256Utf8(s), JSON.stringify(s)).toBe(nodeSha(s));
    }
  });

  it("matches node:crypto on raw bytes and on a large input", () => {
    const next = rng(7);
    for (const length of [55, 56, 63, 64, 65, 119, 120, 128, 100_000]) {
      const bytes = Uint8Array.from({ length }, () => Math.floor(next() * 256));
      expect(sha256Hex(bytes)).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
  });

  it("hashes lone surrogates as U+FFFD, like Node's UTF-8 encoding", () => {
    for (const s of ["\ud800", "a\udc00b", "😀".slice(0, 1)]) expect(sha256Utf8(s)).toBe(nodeSha(s));
  });
});

describe("canonicalJson", () => {
  it("sorts keys recursively, keeps array order, drops undefined, no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: 1, y: undefined, x: "é" }], c: null }, u: undefined })).toBe(
      '{"a":{"c":null,"d":[3,1,{"x":"é","z":1}]},"b":1}',
    );
    expect(canonicalJson([undefined, Number.NaN])).toBe("[null,null]");
  });

  it("refuses values JSON cannot hold", () => {
    expect(() => canonicalJson({ a: BigInt(1) })).toThrow(TypeError);
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
  });
});

describe("contentHash", () => {
  const base = reviewableContent(makeClaim({ type: "quote", fields: { speaker: "وزير الخارجية", words: "لن نتراجع", direct: true } }));
  const hash = contentHash(base);

  it("keeps stored approvals valid: a fixed claim hashes to the value stored before the hash library changed", () => {
    expect(hash).toBe("8cf63567581e35ce86619ded1bcb1280d1c7d7f433c140f436a45ee6e6b8aa57");
  });

  it("is a 64-char hex digest equal to node's SHA-256 of the canonical JSON", () => {
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(nodeSha(canonicalJson(base)));
  });

  it("is stable under key order changes", () => {
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reverseKeys)
      : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)]))
      : v;
    const reordered = reverseKeys(base) as ReviewableContent;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(base));
    const deep: ReviewableContent = {
      sources: base.sources.map((s) => ({ note: s.note, archivedUrl: s.archivedUrl, date: s.date, publisher: s.publisher, title: s.title, url: s.url })),
      rationale: base.rationale,
      verdict: base.verdict,
      fields: { direct: true, words: "لن نتراجع", speaker: "وزير الخارجية" },
      anchor: { suffix: base.anchor.suffix, prefix: base.anchor.prefix, exact: base.anchor.exact, end: base.anchor.end, start: base.anchor.start },
      type: base.type,
    };
    expect(contentHash(reordered)).toBe(hash);
    expect(contentHash(deep)).toBe(hash);
  });

  it("ignores non-reviewable parts of a claim (comments, status, assignee, timestamps)", () => {
    const claim = makeClaim();
    const other = { ...claim, comments: [], status: "draft" as const, assigneeId: null, updatedAt: "2030-01-01T00:00:00.000Z", sources: claim.sources.map((s) => ({ ...s, id: "x", addedBy: "y" })) };
    expect(claimContentHash(other)).toBe(claimContentHash(claim));
  });

  const variants: Array<[string, (c: ReviewableContent) => ReviewableContent]> = [
    ["type", (c) => ({ ...c, type: "other" })],
    ["anchor.start", (c) => ({ ...c, anchor: { ...c.anchor, start: c.anchor.start + 1 } })],
    ["anchor.end", (c) => ({ ...c, anchor: { ...c.anchor, end: c.anchor.end + 1 } })],
    ["anchor.exact", (c) => ({ ...c, anchor: { ...c.anchor, exact: c.anchor.exact + "x" } })],
    ["anchor.prefix", (c) => ({ ...c, anchor: { ...c.anchor, prefix: "x" } })],
    ["anchor.suffix", (c) => ({ ...c, anchor: { ...c.anchor, suffix: "x" } })],
    ["fields.speaker", (c) => withField(c, "speaker", "وزير الدفاع")],
    ["fields.words", (c) => withField(c, "words", "لن نتراجع أبداً")],
    ["fields.direct", (c) => withField(c, "direct", false)],
    ["verdict", (c) => ({ ...c, verdict: "false" })],
    ["verdict null", (c) => ({ ...c, verdict: null })],
    ["rationale", (c) => ({ ...c, rationale: c.rationale + " " })],
    ...(["url", "title", "publisher", "date", "archivedUrl", "note"] as const).map(
      (key): [string, (c: ReviewableContent) => ReviewableContent] => [
        `sources[0].${key}`,
        (c) => ({ ...c, sources: c.sources.map((s, i) => (i === 0 ? { ...s, [key]: s[key] + "x" } : s)) }),
      ],
    ),
    ["source added", (c) => ({ ...c, sources: [...c.sources, { ...c.sources[0], url: "https://example.org/2" }] })],
    ["source removed", (c) => ({ ...c, sources: [] })],
  ];

  it.each(variants)("changes when %s changes", (_name, change) => {
    expect(contentHash(change(base))).not.toBe(hash);
  });

  it("changes when the order of sources changes", () => {
    const two = { ...base, sources: [base.sources[0], { ...base.sources[0], url: "https://example.org/2" }] };
    const swapped = { ...two, sources: [two.sources[1], two.sources[0]] };
    expect(contentHash(swapped)).not.toBe(contentHash(two));
  });
});
