import { describe, expect, it } from "vitest";
import { isBylineLine, isFurnitureLine } from "./page-furniture";
import { parseArticleText } from "./article-text";

describe("page furniture (one rule set, Arabic and English)", () => {
  it("drops Arabic share/print/comment/follow/read-also lines in their usual variants", () => {
    for (const line of [
      "شارك هذا المقال", "شارك المقال", "شارك", "شارك الخبر على فيسبوك", "انشر على تويتر", "اطبع", "طباعة المقال", "أرسل الخبر",
      "اترك تعليقاً", "اترك تعليقا", "أضف تعليقك", "ارسال التعليق", "إرسال التعليق", "التعليقات", "لا توجد تعليقات", "كن أول من يعلق",
      "تابعنا على تلغرام", "تابعونا", "اشترك في النشرة البريدية", "اقرأ أيضاً", "اقرأ أيضا: قطر وتركيا توقعان اتفاقيات", "اقرأ المزيد",
      "مواضيع ذات صلة", "أخبار ذات صلة", "إعلان", "الأكثر قراءة", "«شارك هذا المقال»", "↩ شارك ↪", "نسخ الرابط",
    ]) expect(isFurnitureLine(line), line).toBe(true);
  });

  it("drops English share/print/comment/follow/read-also lines in their usual variants", () => {
    for (const line of [
      "Share this article", "Share", "Share on Facebook", "Share this story via WhatsApp", "Print", "Email this article", "Copy link",
      "Leave a comment", "Add a comment", "View comments", "12 Comments", "No comments yet", "Be the first to comment",
      "Follow us on Twitter", "Subscribe", "Sign up for our newsletter", "Read more", "Read also: Why ports matter", "See also",
      "Related articles", "Recommended", "You may also like", "Advertisement", "Most read", "SHARE THIS ARTICLE", "Share:",
    ]) expect(isFurnitureLine(line), line).toBe(true);
  });

  it("keeps sentences and headings that only mention the same words", () => {
    for (const line of [
      "شارك في الاجتماع وزراء خارجية خمس دول", "تابع الجيش تقدمه نحو المدينة", "شارك الوزير في المؤتمر",
      "وقال إن التعليقات على القرار كانت إيجابية.", "لقاءات متلاحقة", "تفاهم مشترك",
      "He left a comment about the deal.", "Shares in the operator rose 4% on Monday.", "Follow the money", "Related costs rose sharply",
      "Subscribers to the service fell by a third.", "What was agreed", "Doubts from the industry", "Read the full text of the resolution here, the ministry said.",
    ]) expect(isFurnitureLine(line), line).toBe(false);
  });

  it("recognises bylines repeated in the body", () => {
    expect(isBylineLine("بقلم: أحمد العلي")).toBe(true);
    expect(isBylineLine("كتب: محمد حسن")).toBe(true);
    expect(isBylineLine("By Jane Doe")).toBe(true);
    expect(isBylineLine("Jane Doe", "Jane Doe")).toBe(true);
    expect(isBylineLine("أحمد العلي", "أحمد العلي")).toBe(true);
    expect(isBylineLine("By the end of the year the port will open.")).toBe(false);
    expect(isBylineLine("كتب الوزير في تغريدة أن الاتفاق نهائي")).toBe(false);
  });

  it("paste uses the same rules: «شارك هذا المقال» is no longer a heading and «اترك تعليقاً» leaves the text", () => {
    const a = parseArticleText(["العنوان", "المنفذ", "شارك هذا المقال", "قال الوزير إن الاتفاق نهائي.", "اترك تعليقاً", "Share this article"].join("\n"), { header: true });
    expect(a.body).toBe("قال الوزير إن الاتفاق نهائي.");
    expect(a.blocks).toEqual([{ kind: "paragraph", start: 0, end: a.body.length }]);
    expect(a.dropped).toEqual(["شارك هذا المقال", "اترك تعليقاً", "Share this article"]);
  });
});
