import { describe, expect, it } from "vitest";
import { formatDateTime, formatIsoDate, intlLocale, isoDayAt, isoToTyped, localeTag, negotiateLanguage, parseLocaleTag, parseLocalizedDate, toWesternDigits } from "./locale";

describe("locale choice", () => {
  it("parses and normalises stored tags; refuses anything else", () => {
    expect(parseLocaleTag("ar")).toEqual({ language: "ar", numerals: "latn" });
    expect(parseLocaleTag("AR-u-nu-arab")).toEqual({ language: "ar", numerals: "arab" });
    expect(parseLocaleTag("en-u-nu-arab")).toEqual({ language: "en", numerals: "latn" });
    for (const bad of ["fr", "", "ar-EG", "en;drop table", null, 3]) expect(parseLocaleTag(bad)).toBeNull();
    expect(localeTag({ language: "ar", numerals: "arab" })).toBe("ar-u-nu-arab");
    expect(intlLocale("ar")).toBe("ar-u-nu-latn");
    expect(intlLocale("en")).toBe("en-GB-u-nu-latn");
  });
  it("negotiates Accept-Language by q-value", () => {
    expect(negotiateLanguage("fr-FR,fr;q=0.9,ar;q=0.8,en;q=0.5")).toBe("ar");
    expect(negotiateLanguage("en-GB,en;q=0.9")).toBe("en");
    expect(negotiateLanguage("ar-SA")).toBe("ar");
    expect(negotiateLanguage("de, fr")).toBeNull();
    expect(negotiateLanguage("ar;q=0, en;q=0.1")).toBe("en");
  });
});

describe("dates typed the locale's way", () => {
  it("accepts day-first dates with Western or Arabic-Indic digits, and ISO", () => {
    expect(parseLocalizedDate("22/07/2020")).toBe("2020-07-22");
    expect(parseLocalizedDate("٢٢/٠٧/٢٠٢٠")).toBe("2020-07-22");
    expect(parseLocalizedDate("۲۲-۷-۲۰۲۰")).toBe("2020-07-22");
    expect(parseLocalizedDate("2020-07-22")).toBe("2020-07-22");
    expect(parseLocalizedDate("07/2020")).toBe("2020-07");
    expect(parseLocalizedDate("٢٠٢٠")).toBe("2020");
    expect(parseLocalizedDate(" 1.2.2021 ")).toBe("2021-02-01");
  });
  it("refuses impossible or ambiguous input instead of guessing", () => {
    for (const bad of ["31/02/2020", "13/13/2020", "22/07/20", "yesterday", "2020-13", "0999"]) expect(parseLocalizedDate(bad)).toBeNull();
  });
  it("formats with Arabic month names and the chosen digits", () => {
    expect(formatIsoDate("2026-11-29", "ar")).toBe("29 نوفمبر 2026");
    expect(formatIsoDate("2026-11-29", "ar-u-nu-arab")).toBe("٢٩ نوفمبر ٢٠٢٦");
    expect(formatIsoDate("2020-07", "en")).toBe("July 2020");
    expect(formatIsoDate("not a date", "en")).toBe("not a date");
    expect(toWesternDigits("رقم ١٢٣")).toBe("رقم 123");
  });
});

describe("date fields round-trip the typed form", () => {
  it("shows ISO dates day first, as they are typed", () => {
    expect(isoToTyped("2020-07-22")).toBe("22/07/2020");
    expect(isoToTyped("2020-07")).toBe("07/2020");
    expect(isoToTyped("2020")).toBe("2020");
    for (const iso of ["2020-07-22", "2020-07", "2020"]) expect(parseLocalizedDate(isoToTyped(iso))).toBe(iso);
  });
  it("widens a partial date to its first or last day (search ranges)", () => {
    expect(isoDayAt("2020-02", "last")).toBe("2020-02-29");
    expect(isoDayAt("2021-02", "last")).toBe("2021-02-28");
    expect(isoDayAt("2020", "first")).toBe("2020-01-01");
    expect(isoDayAt("2020", "last")).toBe("2020-12-31");
    expect(isoDayAt("2020-07-22", "last")).toBe("2020-07-22");
  });
});

describe("timestamps in UTC", () => {
  it("reads day, month, year, then the time and UTC; in Arabic the time and UTC stay in that order inside a right-to-left line", () => {
    expect(formatDateTime("2026-11-30T10:34:00Z", "en")).toBe("30 Nov 2026, 10:34 UTC");
    // The Arabic comma from the locale, and the time with its zone isolated left-to-right.
    expect(formatDateTime("2026-11-30T10:34:00Z", "ar")).toBe("30 نوفمبر 2026، \u206610:34 UTC\u2069");
    expect(formatDateTime("not a date", "ar")).toBe("not a date");
  });
});
