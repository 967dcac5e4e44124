import { expect, test } from "@playwright/test";
import { USERS, newUserPage, openWorkspace, selectInArticle, tagSelection } from "./fixtures";

test("the whole flow in Arabic: import, tag, source, verdict, review, publish, public RTL page", async ({ browser }) => {
  const ed = await newUserPage(browser, USERS.editor);
  await ed.page.goto("/articles/new");
  await ed.page.getByLabel("Headline").fill("مجلس الأمن يعتمد القرار 2254 بشأن سوريا");
  await ed.page.getByLabel("Outlet").fill("صحيفة الاختبار");
  await ed.page.getByLabel("Link to the original (http/https)").fill("https://example.org/ar/2254");
  await ed.page.getByLabel("Published on").fill("2015-12-19");
  await ed.page.getByLabel("Article text").fill("اعتمد مجلس الأمن بالإجماع القرار 2254 في 18 ديسمبر 2015، الذي يدعو إلى وقف إطلاق النار في سوريا.\nوقال المندوب: \"هذا يوم مهم للشعب السوري\".");
  await ed.page.getByRole("button", { name: "Import" }).click();
  await expect(ed.page).toHaveURL(/\/articles\/(?!new$)[A-Za-z0-9_-]+$/);
  const articleId = ed.page.url().split("/").pop()!;
  await expect(ed.page.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");

  await selectInArticle(ed.page, "القرار 2254");
  const card = await tagSelection(ed.page, "un_resolution");
  await expect(card.locator("[data-field=symbol]")).toHaveValue("S/RES/2254 (2015)");
  await card.getByRole("button", { name: "+ Add source" }).click();
  await card.getByLabel("Source URL").fill("https://undocs.org/S/RES/2254(2015)");
  await card.getByLabel("Source title").fill("القرار 2254 (2015)");
  await card.getByRole("button", { name: "Add", exact: true }).click();
  // a published claim needs a checkable statement (Enter commits it to the shared document)
  await card.getByTestId("statement").fill("اعتمد مجلس الأمن الدولي القرار 2254 (2015) بشأن سوريا بالإجماع.");
  await card.getByTestId("statement").press("Enter");
  await card.getByTestId("verdict-select").selectOption("true");
  await card.getByTestId("rationale").fill("اعتُمد القرار 2254 بالإجماع في 18 ديسمبر 2015، كما تُظهر الوثيقة الرسمية.");
  await card.getByTestId("send-for-review").click();

  const rev = await newUserPage(browser, USERS.reviewer);
  await openWorkspace(rev.page, articleId);
  const revCard = rev.page.locator("[data-testid=claim-card][data-claim-type=un_resolution]");
  await revCard.click();
  await expect(revCard.getByTestId("rationale")).toHaveValue(/بالإجماع/);
  await revCard.getByTestId("approve").click();
  await expect(card.getByTestId("decision-badge")).toHaveAttribute("data-decision", "approved", { timeout: 2_000 });
  const panel = rev.page.getByTestId("publication-panel");
  await expect(panel.getByTestId("publish")).toBeEnabled({ timeout: 5_000 });
  await panel.getByTestId("publish").click();
  await expect(panel).toContainText("Published · version 1");
  const href = await panel.getByRole("link", { name: "public page" }).getAttribute("href");

  const anon = await browser.newContext();
  const pub = await anon.newPage();
  await pub.goto(href!);
  const main = pub.locator("main");
  await expect(main).toHaveAttribute("dir", "rtl");
  await expect(main).toHaveAttribute("lang", "ar");
  await expect(main).toContainText("صحيح");
  await expect(main).toContainText("اعتُمد القرار 2254 بالإجماع");
  await expect(main.getByTestId("claim-statement")).toHaveText("اعتمد مجلس الأمن الدولي القرار 2254 (2015) بشأن سوريا بالإجماع.");
  await pub.screenshot({ path: "test-results/screens/public-article-ar.png", fullPage: true });
  await anon.close();
  await ed.context.close();
  await rev.context.close();
});
