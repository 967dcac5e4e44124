import { describe, expect, it } from "vitest";
import { detectClaims } from "./index";

const quotes = (t: string, lang?: "ar" | "en") => detectClaims(t, { lang }).filter((d) => d.type === "quote").map((d) => ({ text: d.text, ...d.fields }) as Record<string, unknown>);

describe("quotes", () => {
  it("quoted names are not quotes", () => {
    expect(quotes('ووفقاً لوكالة "الأناضول" التركية فإن الاجتماع جرى.')).toEqual([]);
    expect(quotes('قالت الوزارة في بيان على حسابها في "تويتر" إن الاجتماع ناجح.')).toEqual([]);
    expect(quotes('وقالت وكالة الأنباء القطرية "قنا" إن الاجتماع ناقش الأوضاع.')).toEqual([]);
    expect(quotes('عقب الانتصارات على "قوات شرق ليبيا" التي يقودها حفتر.')).toEqual([]);
  });
  it("attributed quotes with the speaker after the verb", () => {
    const q = quotes('وقال علي المنصوري، المندوب القطري: "إن بلاده تدعو جميع الليبيين للحوار".');
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ speaker: "علي المنصوري", words: "إن بلاده تدعو جميع الليبيين للحوار", direct: true });
  });
  it("continued speakers: وتابعت / وأضاف", () => {
    const t = 'نقلت قناة الجزيرة عن لولوة الخاطر، مساعدة وزير الخارجية، قولها: إن "هناك توافقاً كبيراً في الرؤى".\nوتابعت: "كلانا نستهدف مصلحة الشعب الليبي".';
    expect(quotes(t).map((q) => q.speaker)).toEqual(["لولوة الخاطر", "لولوة الخاطر"]);
    const t2 = 'يؤكد أستاذ العلوم السياسية، الدكتور ماجد الأنصاري، أن التوافق مهم.\nوأشار إلى أن الدعم سياسي.\nوأضاف، في حديثه، أن هذا يعد "من الأسباب الرئيسية للحماية".';
    expect(quotes(t2)[0].speaker).toBe("الدكتور ماجد الأنصاري");
  });
  it("participles take the subject of the earlier verb; bare titles are resolved", () => {
    expect(quotes('وقال تبون إن لدى بلاده مبادرة، مؤكداً: "لا نؤيد أي قرار منفرد".')[0].speaker).toBe("تبون");
    const t = 'حيث قدم وزير الخارجية القطري، الشيخ محمد بن عبد الرحمن، 3 حلول.\nوقال الوزير: "إن الطريقة الوحيدة لحل الأزمة هي الحوار".';
    expect(quotes(t)[0].speaker).toBe("الشيخ محمد بن عبد الرحمن");
  });
  it("guillemets and curly quotes", () => {
    expect(quotes("قال الرئيس: «لن نتراجع عن قرارنا أبداً»")[0]).toMatchObject({ words: "لن نتراجع عن قرارنا أبداً" });
    expect(quotes("قالت الوزيرة: “نحن ندعم الحل السياسي”")[0].speaker).toBe("الوزيرة");
  });
  it("English: said after the quote, and She added", () => {
    const t = '"This agreement puts our ports first," said Kenya\'s trade minister, Rebecca Miano, after the ceremony.\nShe added: "We expect cargo to grow by 15 percent."';
    expect(quotes(t, "en").map((q) => q.speaker)).toEqual(["Rebecca Miano", "Rebecca Miano"]);
  });
  it("offsets point into the original text", () => {
    const t = 'قـــالَ الوزيرُ: "نحن ندعم الحل السياسي الشامل"';
    const d = detectClaims(t).find((x) => x.type === "quote")!;
    expect(t.slice(d.start, d.end)).toBe('"نحن ندعم الحل السياسي الشامل"');
  });
});
