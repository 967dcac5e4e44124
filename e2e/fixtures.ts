import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = process.env.SANAD_DEMO_PASSWORD || "sanad-demo";
export const USERS = {
  admin: "admin@sanad.local",
  reviewer: "reviewer@sanad.local",
  editor: "editor@sanad.local",
  editor2: "editor2@sanad.local",
  viewer: "viewer@sanad.local",
} as const;

/**
 * Sign in through next-auth's credentials API (csrf, then callback), which sets the session
 * cookie on the context. Tests about the form itself use the form.
 */
export async function signInAs(context: BrowserContext, email: string): Promise<void> {
  const csrf = await context.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await context.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: DEMO_PASSWORD, json: "true" },
  });
  expect(res.ok(), `sign-in as ${email}`).toBeTruthy();
  const cookies = await context.cookies();
  expect(cookies.some((c) => c.name.includes("next-auth.session-token")), `session cookie for ${email}`).toBeTruthy();
}

export async function newUserPage(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  await signInAs(context, email);
  const page = await context.newPage();
  return { context, page };
}

export async function articleIdBySlug(page: Page, slug: string): Promise<string> {
  const res = await page.request.get("/api/articles");
  expect(res.ok()).toBeTruthy();
  const list = (await res.json()) as Array<{ id: string; slug: string }>;
  const found = list.find((a) => a.slug === slug);
  if (!found) throw new Error(`no article ${slug}`);
  return found.id;
}

export const ARABIC_SLUG = "qatar-turkey-libya";
export const ENGLISH_SLUG = "egypt-kenya-port-deal";

/** Wait until the workspace is connected and synced. */
export async function openWorkspace(page: Page, articleId: string): Promise<void> {
  await page.goto(`/articles/${articleId}`);
  await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");
}

/** Select the n-th occurrence of `text` in the article body, as a person would with the mouse. */
export async function selectInArticle(page: Page, text: string, occurrence = 0): Promise<void> {
  await page.evaluate(({ text, occurrence }) => {
    const article = document.querySelector("[data-testid=article-body]")!;
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let from = 0;
      for (;;) {
        const i = node.textContent!.indexOf(text, from);
        if (i < 0) break;
        if (seen++ === occurrence) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + text.length);
          const sel = window.getSelection()!;
          sel.removeAllRanges();
          sel.addRange(range);
          (node.parentElement as HTMLElement).scrollIntoView({ block: "center" });
          article.parentElement!.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
          return;
        }
        from = i + 1;
      }
    }
    throw new Error(`"${text}" not found in the article`);
  }, { text, occurrence });
}

/** Tag the selection through the toolbar; returns the new claim's card. */
export async function tagSelection(page: Page, type: string) {
  await page.getByTestId("selection-toolbar").locator(`[data-claim-type=${type}]`).click();
  return page.locator("[data-testid=claim-card][data-focused=true]");
}
