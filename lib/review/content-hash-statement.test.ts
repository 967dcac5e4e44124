import { describe, expect, it } from "vitest";
import { claimContentHash } from "./content-hash";
import { makeClaim } from "../../server/test-support/claims";

/**
 * The checkable statement joined the signed content. Hashes of claims WITHOUT a statement are
 * a persisted format (every stored approval holds one), so they must not move: these values
 * were computed by the code before statements existed.
 */
describe("content hash and the statement", () => {
  const quote = () => makeClaim({ type: "quote", fields: { speaker: "وزير الخارجية", words: "الحل سياسي", direct: true } as never, rationale: "" });

  it("claims without a statement hash exactly as before statements existed", () => {
    expect(claimContentHash(makeClaim())).toBe("783f2104487c3b1699f5dce97df2a2acfe6af9ae32bd5a02ef5638ecbf507471");
    expect(claimContentHash(quote())).toBe("e9ca1bdedbdd30686cc536149c45a3f6d4f8a969b5cb963d86f28bf5cebc7775");
    expect(claimContentHash(makeClaim({ statement: "" }))).toBe("783f2104487c3b1699f5dce97df2a2acfe6af9ae32bd5a02ef5638ecbf507471");
  });

  it("the statement is covered: writing or changing it changes the hash", () => {
    const a = claimContentHash(makeClaim({ statement: "Egypt and Kenya met in Nairobi on 14 March 2024." }));
    const b = claimContentHash(makeClaim({ statement: "Egypt and Kenya met in Nairobi on 15 March 2024." }));
    expect(a).not.toBe(claimContentHash(makeClaim()));
    expect(a).not.toBe(b);
  });
});
