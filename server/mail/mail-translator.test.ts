import { describe, expect, it } from "vitest";
import { mailLanguage } from "./mail-translator";
import ar from "../../messages/ar.json";
import en from "../../messages/en.json";

describe("mailLanguage (one way every e-mail picks its language)", () => {
  it("writes in the recipient's stored language, keeping their choice of digits", () => {
    const mail = mailLanguage("ar-u-nu-arab");
    expect(mail.choice).toEqual({ language: "ar", numerals: "arab" });
    expect(mail.tag).toBe("ar-u-nu-arab");
    expect(mail.translator("accountMail")("someone")).toBe(ar.accountMail.someone);
    expect(mailLanguage("ar").translator("roles")("editor")).toBe(ar.roles.editor);
  });
  it("falls back to English when the tag is unset or not ours", () => {
    for (const tag of [null, undefined, "", "fr", "<script>"]) {
      const mail = mailLanguage(tag);
      expect(mail.tag).toBe("en");
      expect(mail.translator("accountMail")("someone")).toBe(en.accountMail.someone);
    }
  });
});
