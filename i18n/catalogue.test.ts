import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
// The ICU parser next-intl itself formats with (a dependency of use-intl).
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import ar from "../messages/ar.json";
import en from "../messages/en.json";

type Tree = { [k: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

/** ICU argument and tag names of a message ({name}, {count, plural, …}, <n>…</n>), sorted. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if ("value" in el && typeof el.value === "string" && el.type !== TYPE.literal && el.type !== TYPE.tag) names.add(el.value);
      if (el.type === TYPE.tag) { names.add(`<${el.value}>`); walk(el.children); }
      if (el.type === TYPE.select || el.type === TYPE.plural) for (const opt of Object.values(el.options)) walk(opt.value);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

describe("message catalogues", () => {
  const enLeaves = leaves(en as Tree);
  const arLeaves = leaves(ar as Tree);

  it("have exactly the same keys in English and Arabic", () => {
    const missingInAr = [...enLeaves.keys()].filter((k) => !arLeaves.has(k));
    const extraInAr = [...arLeaves.keys()].filter((k) => !enLeaves.has(k));
    expect({ missingInAr, extraInAr }).toEqual({ missingInAr: [], extraInAr: [] });
  });

  it("use the same placeholders and tags in both languages", () => {
    const mismatched = [...enLeaves].filter(([k, v]) => arLeaves.has(k) && JSON.stringify(argumentsOf(v)) !== JSON.stringify(argumentsOf(arLeaves.get(k)!)))
      .map(([k]) => k);
    expect(mismatched).toEqual([]);
  });

  it("has no empty message, and Arabic messages are written in Arabic", () => {
    expect([...enLeaves].filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
    // Brand names, digits and format examples may stay Latin; every other Arabic message has Arabic letters.
    const latinOnly = [...arLeaves].filter(([k, v]) => !/[\u0600-\u06ff]/.test(v) && !/^(header\.brandArabic|signin\.brandArabic|locale\.(english|digitsLatn|digitsArab)|signin\.listSeparator|public\.(quoteOpen|quoteClose|comma)|toolbar\.typeWithKey|claims\.count|sources\.urlPlaceholder|meta\.titleTemplate)$/.test(k) && !/^[\d\s{}%,.·•()+\-…/:a-z«»“”]*$/i.test(v.replace(/\{[^}]*\}/g, "")));
    expect(latinOnly.map(([k, v]) => `${k}: ${v}`)).toEqual([]);
  });

  it("formats every message in both languages without an ICU error", () => {
    for (const [lang, messages, keys] of [["en", en, enLeaves], ["ar", ar, arLeaves]] as const) {
      const errors: string[] = [];
      const t = createTranslator({ locale: lang, messages: messages as never, onError: (e) => errors.push(e.message) });
      for (const key of keys.keys()) {
        const values = Object.fromEntries(argumentsOf(keys.get(key)!).map((a) => (a.startsWith("<") ? [a.slice(1, -1), (c: unknown) => c] : [a, a === "count" || a === "version" || a === "n" || a === "rest" || a === "shown" || a === "total" || a === "v" || a === "latest" ? 3 : "x"])));
        if (key.includes(".") && /<[a-z]+>/.test(keys.get(key)!)) (t as unknown as { rich: (k: string, v: unknown) => unknown }).rich(key, values);
        else (t as unknown as (k: string, v: unknown) => string)(key, values);
      }
      expect(errors, lang).toEqual([]);
    }
  });

  it("words Arabic plurals by number (one, two, few, many)", () => {
    const t = createTranslator({ locale: "ar", messages: ar as never, namespace: "public" as never }) as unknown as (k: string, v: unknown) => string;
    expect(t("claimsChecked", { count: 1 })).toBe("ادعاء واحد تم التحقق منه");
    expect(t("claimsChecked", { count: 2 })).toBe("ادعاءان تم التحقق منهما");
    expect(t("claimsChecked", { count: 3 })).toBe("3 ادعاءات تم التحقق منها");
    expect(t("claimsChecked", { count: 11 })).toBe("11 ادعاءً تم التحقق منه");
  });
});
