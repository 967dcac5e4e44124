import { describe, expect, it } from "vitest";
import { detectClaims } from "./index";
import { arShape } from "./entities";

const ents = (t: string, lang?: "ar" | "en") => detectClaims(t, { lang, entities: true }).filter((d) => d.type === "entity").map((d) => d.fields as { name: string | null; role: string | null });

describe("entities: people with titles, organisations", () => {
  it("Arabic title + complements + name, name after a comma, name before the title", () => {
    expect(ents("صرح وزير الزراعة المغربي محمد صديقي بأن الموسم جيد.")).toContainEqual({ name: "محمد صديقي", role: "وزير الزراعة المغربي" });
    expect(ents("وأعلن المتحدث باسم الحكومة، سعيد المنصوري، موعد الانتخابات.")).toContainEqual(expect.objectContaining({ name: "سعيد المنصوري" }));
    // Name before the title: read where the verb is known (participants), not by the entity scan.
    const m = detectClaims("التقى كمال عبد الله وزير الري بالسفير.").find((d) => d.type === "meeting")!;
    expect((m.fields as { participants: string[] }).participants).toEqual(["كمال عبد الله", "السفير"]);
  });
  it("coordinated complements stay in the role; a coordinated title starts the next person", () => {
    expect(ents("قال وزير التخطيط والتعاون الدولي سامي القاضي إن الخطة جاهزة.")).toContainEqual({ name: "سامي القاضي", role: "وزير التخطيط والتعاون الدولي" });
  });
  it("organisations with clitics removed by word shape: للجنة is اللجنة, not الجنة", () => {
    expect(ents("وأرسل تقريرا للجنة الدستورية.").map((e) => e.name)).toContain("اللجنة الدستورية");
    expect(ents("وصل وفد من الاتحاد الأفريقي.").map((e) => e.name)).toContain("وفد من الاتحاد الأفريقي");
  });
  it("English names with titles; nationality words are not names", () => {
    expect(ents("Finance Minister Jane Okafor met bankers.", "en")).toContainEqual({ name: "Jane Okafor", role: "Finance Minister" });
    expect(ents("The Central Bank of Kenya raised rates.", "en").map((e) => e.name)).toContain("Central Bank");
  });
  it("arShape strips و ف ب ل and keeps the article", () => {
    expect(arShape("وللجنه")).toMatchObject({ core: "لجنه", def: true, prep: "ل" });
    expect(arShape("بالمبعوث")).toMatchObject({ core: "مبعوث", def: true, prep: "ب" });
    expect(arShape("لليمن")).toMatchObject({ core: "يمن", def: true });
    expect(arShape("فلسطين")).toMatchObject({ core: "فلسطين", def: false, prep: "" });
  });
  it("entities are only reported when asked", () => {
    expect(detectClaims("صرح وزير الزراعة محمد صديقي بأن الموسم جيد.").some((d) => d.type === "entity")).toBe(false);
  });
});
