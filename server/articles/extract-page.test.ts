import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { ARABIC_PARAGRAPH, ARABIC_TITLE, arabicPageHtml, ENGLISH_PARAGRAPH, ENGLISH_TITLE, englishPageHtml } from "../test-support/page-fixtures";
import { canonicalUrlOf, normaliseUrl } from "./canonical-url";
import { decodeHtml, extractPage } from "./extract-page";

function texts(a: { body: string; blocks: Array<{ kind: string; start: number; end: number }> }, kind?: string) {
  return a.blocks.filter((b) => !kind || b.kind === kind).map((b) => a.body.slice(b.start, b.end));
}

describe("extractPage", () => {
  it("reads a windows-1256 Arabic page declared only in <meta>, without its furniture", () => {
    const bytes = iconv.encode(arabicPageHtml(), "windows-1256");
    const { article, metadata, encoding } = extractPage(bytes, { httpCharset: null, url: "https://watan.example/news/1" });
    expect(encoding).toBe("windows-1256");
    expect(article.title).toBe(ARABIC_TITLE);
    expect(article.outlet).toBe("الوطن اليوم");
    expect(metadata.author).toBe("أحمد العلي");
    expect(metadata.publishedDate).toBe("2020-01-14");
    expect(article.language).toBe("ar");
    expect(article.direction).toBe("rtl");
    expect(article.body).toContain(ARABIC_PARAGRAPH);
    expect(texts(article, "heading")).toEqual(["لقاءات متلاحقة"]);
    for (const furniture of ["شارك", "اترك تعليق", "اقرأ أيضاً", "بقلم", "الرئيسية", "إعلان", "مواضيع ذات صلة", "خبر آخر", "التعليقات", "جميع الحقوق"]) {
      expect(article.body, furniture).not.toContain(furniture);
    }
    expect(texts(article)[0]).toBe(ARABIC_PARAGRAPH);
    expect(texts(article).join("\n")).toBe(article.body);
  });

  it("reads a UTF-8 English page's JSON-LD NewsArticle (author, date, publisher, language)", () => {
    const { article, metadata, encoding } = extractPage(Buffer.from(englishPageHtml()), { httpCharset: "utf-8", url: "https://harbour.example/a" });
    expect(encoding).toBe("UTF-8");
    expect(article.title).toBe(ENGLISH_TITLE);
    expect(article.outlet).toBe("The Harbour Times");
    expect(metadata.author).toBe("Jane Doe");
    expect(metadata.publishedDate).toBe("2021-03-02");
    expect(article.language).toBe("en");
    expect(article.direction).toBe("ltr");
    expect(texts(article)[0]).toBe(ENGLISH_PARAGRAPH);
    expect(texts(article, "heading")).toEqual(["Doubts from the industry"]);
    for (const furniture of ["By Jane Doe", "Share", "Print", "Read more", "newsletter", "Leave a comment", "Related articles", "Home", "tracker"]) {
      expect(article.body, furniture).not.toContain(furniture);
    }
  });

  it("decodes by the HTTP charset when the page declares none, and by the BOM above all", () => {
    const html = "<html><body><p>قال الوزير</p></body></html>";
    expect(decodeHtml(iconv.encode(html, "windows-1256"), "windows-1256").html).toContain("قال الوزير");
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html)]);
    expect(decodeHtml(bom, "windows-1256")).toMatchObject({ encoding: "UTF-8" });
  });

  it("refuses a page without article text", () => {
    expect(() => extractPage(Buffer.from("<html><body><nav>Home</nav></body></html>"), { httpCharset: "utf-8", url: "https://x.example/" })).toThrow();
  });
});

describe("canonical URLs", () => {
  it("normalises host, fragment, tracking parameters and trailing slashes", () => {
    expect(normaliseUrl("HTTPS://News.Example/a/b/?utm_source=x&id=3#top")).toBe("https://news.example/a/b?id=3");
    expect(normaliseUrl("ftp://x")).toBeNull();
  });
  it("trusts <link rel=canonical> on the same site only", () => {
    expect(canonicalUrlOf("/news/1", "https://www.watan.example/amp/news/1?utm_medium=s")).toBe("https://www.watan.example/news/1");
    expect(canonicalUrlOf("https://watan.example/news/1", "https://m.watan.example/news/1")).toBe("https://watan.example/news/1");
    expect(canonicalUrlOf("https://other.example/their-article", "https://watan.example/news/1")).toBe("https://watan.example/news/1");
    expect(canonicalUrlOf(null, "https://watan.example/news/1/")).toBe("https://watan.example/news/1");
  });
});
