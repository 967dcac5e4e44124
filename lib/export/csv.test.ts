import { describe, expect, it } from "vitest";
import { anchorIn, makeClaim } from "../../server/test-support/claims";
import { buildClaimsCsv, CSV_COLUMNS, csvField, defuseFormula, parseCsv } from "./csv";

/** Minimal RFC 4180 reader, to check the writer round-trips. */

const BODY = "قال الوزير، \"لن نتراجع\"\nثم غادر. =1+1 and -5 people";

describe("buildClaimsCsv", () => {
  const quote = makeClaim({
    id: "c1",
    type: "quote",
    anchor: anchorIn(BODY, "قال الوزير، \"لن نتراجع\"\nثم"),
    fields: { speaker: "الوزير", words: "لن نتراجع", direct: true },
    verdict: "mostly_false",
    rationale: "=HYPERLINK(\"http://evil.example\",\"click\")",
    sources: [makeClaim().sources[0], { ...makeClaim().sources[0], url: "https://example.org/2" }],
    assigneeId: null,
  });
  const other = makeClaim({ id: "@c2", anchor: anchorIn(BODY, "=1+1"), type: "other", fields: {}, verdict: null, rationale: "-5 people\tnot +", createdBy: "+user" });
  const csv = buildClaimsCsv({ language: "ar" }, [other, quote]);

  it("starts with a UTF-8 BOM and uses CRLF", () => {
    expect(csv.startsWith("\uFEFFclaim_id,type,status,start,end,exact,fields,verdict,verdict_label,rationale,sources,assignee_id,created_by,created_at,updated_at,statement\r\n")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("round-trips through an RFC 4180 reader, Arabic, quotes, commas and newlines intact", () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    const row = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[1][i]]));
    expect(row).toMatchObject({
      claim_id: "c1", type: "quote", status: "needs_review", start: String(quote.anchor.start), end: String(quote.anchor.end),
      exact: "قال الوزير، \"لن نتراجع\"\nثم", verdict: "mostly_false", verdict_label: "خاطئ في معظمه",
      sources: "https://example.org/statement https://example.org/2", assignee_id: "", created_by: "user-editor",
    });
    expect(JSON.parse(row.fields)).toEqual({ speaker: "الوزير", words: "لن نتراجع", direct: true });
  });

  it("defuses formula injection in every text cell", () => {
    const rows = parseCsv(csv.slice(1));
    const c1 = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[1][i]]));
    const c2 = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[2][i]]));
    expect(c1.rationale).toBe("'=HYPERLINK(\"http://evil.example\",\"click\")");
    expect(c2).toMatchObject({ claim_id: "'@c2", exact: "'=1+1", rationale: "'-5 people\tnot +", created_by: "'+user", verdict: "", verdict_label: "" });
    for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("quotes only when needed and doubles quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("line\r\nbreak")).toBe('"line\r\nbreak"');
    expect(defuseFormula("\rcmd")).toBe("'\rcmd");
    expect(defuseFormula("\tcmd")).toBe("'\tcmd");
    expect(defuseFormula("safe = text")).toBe("safe = text");
  });

  it("writes just the header for no claims", () => {
    expect(parseCsv(buildClaimsCsv({ language: "en" }, []).slice(1))).toEqual([[...CSV_COLUMNS]]);
  });
});
