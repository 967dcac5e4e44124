import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { computeSignature, generateWebhookSecret, signatureHeader, verifySignature } from "./signature";

describe("webhook signatures", () => {
  const secret = "whsec_test";
  const body = JSON.stringify({ event: "claim.approved", data: { claimId: "c1", note: "تمت المراجعة" } });

  it("is HMAC-SHA256 over timestamp.body, hex, in t=…,v1=… form", () => {
    const expected = createHmac("sha256", secret).update(`1700000000.${body}`).digest("hex");
    expect(computeSignature(secret, 1700000000, body)).toBe(expected);
    expect(signatureHeader(secret, 1700000000, body)).toBe(`t=1700000000,v1=${expected}`);
  });

  it("verifies a fresh signature and refuses a changed body, another secret, an old timestamp or garbage", () => {
    const header = signatureHeader(secret, 1700000000, body);
    expect(verifySignature(secret, header, body, 1700000010)).toBe(true);
    expect(verifySignature(secret, header, body.replace("c1", "c2"), 1700000010)).toBe(false);
    expect(verifySignature("whsec_other", header, body, 1700000010)).toBe(false);
    expect(verifySignature(secret, header, body, 1700000000 + 301)).toBe(false);
    expect(verifySignature(secret, "t=1700000000,v1=zz", body, 1700000010)).toBe(false);
    expect(verifySignature(secret, "", body, 1700000010)).toBe(false);
    // the timestamp is part of what is signed: moving it breaks the signature
    const moved = header.replace("t=1700000000", "t=1700000005");
    expect(verifySignature(secret, moved, body, 1700000010)).toBe(false);
  });

  it("secrets are long and distinct", () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(a);
  });
});
