import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { arabicPdf, latinPdf, UN_PAGE_1, UN_PAGE_2, UN_TITLE } from "./pdf-fixtures";

/**
 * A local HTTP server with the pages the import and archive tests need (no internet): an
 * Arabic windows-1256 news page full of furniture, a UTF-8 English page with JSON-LD,
 * redirects (one to 127.0.0.1), a 20 MB page, a gzip bomb, PDFs (a real two-page one, the
 * same served as a generic download, an Arabic one served as HTML, a truncated one, a
 * broken stub), a 404 and a page that never answers. Listens on 127.0.0.1, port 0.
 */

export const ARABIC_TITLE = "وزير الخارجية يبحث مع نظيره التركي الأزمة الليبية";
export const ARABIC_PARAGRAPH = "قال وزير الخارجية القطري إن بلاده تدعم حكومة الوفاق الوطني وفق قرارات مجلس الأمن ذات الصلة، لا سيما القرار 2259.";
export const ENGLISH_TITLE = "Port deal signed after months of talks";
export const ENGLISH_PARAGRAPH = "The ministry said the agreement, signed on Monday, gives the operator a 30-year concession over the container terminal.";

export function arabicPageHtml(): string {
  return `<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">
<title>${ARABIC_TITLE} | الوطن اليوم</title>
<meta property="og:title" content="${ARABIC_TITLE}">
<meta property="og:site_name" content="الوطن اليوم">
<meta name="author" content="أحمد العلي">
<meta property="article:published_time" content="2020-01-14T09:30:00+03:00">
<link rel="canonical" href="/news/2020/01/14/libya-talks">
</head><body>
<header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li><li><a href="/economy">اقتصاد</a></li><li><a href="/sport">رياضة</a></li></ul></nav></header>
<div class="ad">إعلان</div>
<main><article>
<h1>${ARABIC_TITLE}</h1>
<div class="share"><span>شارك هذا المقال</span> <a href="#">فيسبوك</a> <a href="#">تويتر</a></div>
<p class="byline">بقلم: أحمد العلي</p>
<p>${ARABIC_PARAGRAPH}</p>
<p>وأضاف الوزير في مؤتمر صحفي مشترك عقده في الدوحة مع نظيره التركي، أن الحل في ليبيا يجب أن يكون سياسياً، وأن الاتفاق السياسي الموقع في الصخيرات عام 2015 يبقى الإطار الوحيد المعترف به دولياً.</p>
<p><a href="/news/other">اقرأ أيضاً: قطر وتركيا توقعان اتفاقيات جديدة</a></p>
<h2>لقاءات متلاحقة</h2>
<p>وكان الوزيران قد التقيا ثلاث مرات خلال الشهر الماضي، بحسب ما ذكرته وكالة الأنباء الرسمية، في إطار تنسيق المواقف بين البلدين تجاه الملفات الإقليمية المختلفة.</p>
<p>وأشار البيان الختامي إلى أن الجانبين اتفقا على مواصلة التشاور، وعلى عقد اجتماع للجنة الاستراتيجية العليا في أنقرة خلال الربع الأول من العام.</p>
<p>شارك</p>
<p>اترك تعليقاً</p>
</article></main>
<aside class="related"><h3>مواضيع ذات صلة</h3><ul><li><a href="/a">خبر آخر عن ليبيا</a></li><li><a href="/b">خبر ثالث</a></li></ul></aside>
<section class="comments"><h3>التعليقات</h3><form><textarea></textarea><button>إرسال التعليق</button></form></section>
<footer>جميع الحقوق محفوظة</footer>
</body></html>`;
}

export function englishPageHtml(): string {
  const ld = {
    "@context": "https://schema.org",
    "@graph": [
      { "@type": "WebSite", name: "The Harbour Times" },
      { "@type": "NewsArticle", headline: ENGLISH_TITLE, datePublished: "2021-03-02T18:00:00Z", author: [{ "@type": "Person", name: "Jane Doe" }], publisher: { "@type": "Organization", name: "The Harbour Times" }, inLanguage: "en-GB" },
    ],
  };
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Port deal signed | The Harbour Times</title>
<meta property="og:title" content="Port deal signed – The Harbour Times">
<script type="application/ld+json">${JSON.stringify(ld)}</script>
<script type="application/ld+json">{ broken json</script>
<script>window.tracker = "x";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
<article>
<h1>${ENGLISH_TITLE}</h1>
<p>By Jane Doe</p>
<ul class="share"><li>Share this article</li><li>Share on Facebook</li><li>Print</li></ul>
<p>${ENGLISH_PARAGRAPH}</p>
<p>Officials from both sides said the deal had taken months of negotiations and would create about 2,000 jobs in the first five years of operation, according to the ministry's statement.</p>
<p><a href="/other">Read more: Why ports matter for the region's economy</a></p>
<h2>Doubts from the industry</h2>
<p>Shipping companies questioned whether the terminal could handle the promised volumes, pointing out that the harbour has not been dredged since 2009 and that larger vessels already avoid it.</p>
<div class="newsletter"><p>Sign up for our newsletter</p></div>
<p>Leave a comment</p>
</article>
<aside><h3>Related articles</h3><a href="/x">Another port story</a></aside>
</body></html>`;
}

export interface PageFixtures {
  origin: string;
  port: number;
  close(): Promise<void>;
  /** How many requests each path received. */
  hits: Map<string, number>;
}

export async function startPageFixtures(): Promise<PageFixtures> {
  const hits = new Map<string, number>();
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const port = (server.address() as AddressInfo).port;
    switch (path) {
      case "/ar":
        res.writeHead(200, { "content-type": "text/html" }); // charset only in <meta>, as many Arabic sites do
        return res.end(iconv.encode(arabicPageHtml(), "windows-1256"));
      case "/en":
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        return res.end(englishPageHtml());
      case "/en-gzip":
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip" });
        return res.end(gzipSync(englishPageHtml()));
      case "/redirect-same":
        res.writeHead(301, { location: "/en?utm_source=x" });
        return res.end();
      case "/redirect-loopback":
        res.writeHead(302, { location: `http://127.0.0.1:${port}/en` });
        return res.end();
      case "/redirect-metadata":
        res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" });
        return res.end();
      case "/redirect-loop":
        res.writeHead(302, { location: "/redirect-loop" });
        return res.end();
      case "/redirect-file":
        res.writeHead(302, { location: "file:///etc/passwd" });
        return res.end();
      case "/big": {
        // 20 MB without a Content-Length: the cap must stop the stream, not trust a header
        res.writeHead(200, { "content-type": "text/html" });
        const chunk = Buffer.alloc(64 * 1024, "a");
        let sent = 0;
        const pump = () => {
          while (sent < 20 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once("drain", pump);
          }
          res.end();
        };
        res.on("error", () => {});
        return pump();
      }
      case "/big-declared":
        res.writeHead(200, { "content-type": "text/html", "content-length": String(20 * 1024 * 1024) });
        return res.end(); // the header alone must be enough to refuse
      case "/gzip-bomb":
        res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
        return res.end(gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20)));
      case "/doc.pdf":
        res.writeHead(200, { "content-type": "application/pdf" });
        return res.end("%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
      case "/un.pdf":
        res.writeHead(200, { "content-type": "application/pdf" });
        return res.end(latinPdf([UN_PAGE_1, UN_PAGE_2], UN_TITLE));
      case "/un-download":
        // a PDF under a generic type, as many document servers send it
        res.writeHead(200, { "content-type": "application/octet-stream", "content-disposition": "attachment; filename=\"res.pdf\"" });
        return res.end(latinPdf([UN_PAGE_1, UN_PAGE_2], UN_TITLE));
      case "/ar.pdf":
        // an Arabic PDF whose server claims it is a web page
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        return res.end(arabicPdf());
      case "/truncated.pdf": {
        const whole = latinPdf([UN_PAGE_1, UN_PAGE_2], UN_TITLE);
        res.writeHead(200, { "content-type": "application/pdf" });
        return res.end(whole.subarray(0, Math.floor(whole.length / 2)));
      }
      case "/octet":
        res.writeHead(200, { "content-type": "application/octet-stream" });
        return res.end(Buffer.from("MZ\x90\x00 not a document"));
      case "/hang":
        hanging.add(res); // never answers
        return;
      case "/slow": {
        // answers after a while (?ms=…, default 1.5 s): the 202 path and the UI's progress
        const delay = Number(new URL(req.url ?? "/", "http://x").searchParams.get("ms") ?? 1500);
        const t = setTimeout(() => {
          res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
          res.end(englishPageHtml().replace(ENGLISH_TITLE, "A slow page about ports").replace("/news", "/slow"));
        }, delay);
        res.on("close", () => clearTimeout(t));
        return;
      }
      default:
        res.writeHead(404, { "content-type": "text/html" });
        return res.end("<h1>Not found</h1>");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
