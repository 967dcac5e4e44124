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
