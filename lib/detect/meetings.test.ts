import { describe, expect, it } from "vitest";
import { detectClaims } from "./index";

const meet = (t: string, lang?: "ar" | "en") => detectClaims(t, { lang }).filter((d) => d.type === "meeting");

describe("meetings and visits", () => {
  it("verbs always assert an event", () => {
    const m = meet("كما التقى السيسي بعدد من ممثلي القبائل.");
    expect(m).toHaveLength(1);
    expect(m[0].fields).toMatchObject({ kind: "meeting" });
    expect(meet("زار وزير الدفاع التركي ليبيا.")[0].fields).toMatchObject({ kind: "visit" });
  });
  it("nouns need a cue (participants, destination, relative clause)", () => {
    expect(meet("عقد الاجتماع الذي جمع العطية مع الوزير التركي في 20 يوليو 2020.")[0].fields).toMatchObject({ kind: "meeting", date: "2020-07-20" });
    expect(meet("زيارة الرئيس التركي إلى الدوحة")[0].fields).toMatchObject({ kind: "visit", place: "الدوحة" });
    expect(meet("أجرى السيسي اتصالاً مع نظيره الأمريكي")[0].fields).toMatchObject({ kind: "call" });
    expect(meet("أمام جلسة لمجلس الأمن")[0].fields).toMatchObject({ kind: "session" });
  });
  it("headlines without a cue and anaphors are skipped", () => {
    expect(meet("اجتماعات متسارعة.. هل يمتد الحلف")).toEqual([]);
    expect(meet("هذه الزيارة تزامنت تقريباً مع زيارة الرئيس إلى الدوحة")).toHaveLength(1);
    expect(meet("أكد خلال اللقاء استمرار الشراكة الاستراتيجية بين البلدين")).toEqual([]);
  });
  it("English", () => {
    const m = meet("Ministers from Egypt and Kenya met in Nairobi on 14 March 2024. A phone call between the two presidents followed.", "en");
    expect(m.map((x) => x.fields)).toMatchObject([{ kind: "meeting", place: "Nairobi", date: "2024-03-14" }, { kind: "call" }]);
  });
});

describe("meeting participants are names, not fragments", () => {
  const parts = (t: string) => meet(t, "ar").map((d) => (d.fields as { participants: string[] }).participants);
  it("drops attached prepositions and places", () => {
    // A visit's destination takes part too (issue 12: participants per argument slot).
    expect(parts("وجاءت بعد زيارة أكار للدوحة الأسبوع الماضي.")).toEqual([["أكار", "الدوحة"]]);
    expect(parts("وتحدث خلال جلسة لمجلس الأمن لمناقشة الوضع في ليبيا.")).toEqual([["مجلس الأمن"]]);
    expect(parts("وأشادت خلال اجتماع للجامعة العربية على المستوى الوزاري.")).toEqual([["الجامعة العربية"]]);
  });
  it("does not split a word that starts with و", () => {
    const p = parts("التقى الوزير مع وزير الداخلية ووزير الدفاع في أنقرة.").flat();
    expect(p).toContain("وزير الداخلية");
    expect(p.some((x) => x.startsWith("زير") || x.startsWith("زارة"))).toBe(false);
  });
});
