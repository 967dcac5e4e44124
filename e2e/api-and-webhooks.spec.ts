import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, request as apiRequest, test } from "@playwright/test";
import { verifySignature } from "../server/webhooks/signature";
import { ENGLISH_SLUG, USERS, newUserPage } from "./fixtures";

/**
 * The API and webhooks as a newsroom's script would use them: an admin registers a receiver
 * (a local server; the e2e server allows 127.0.0.1), an editor makes tokens on the settings
 * page, a script reads and imports with them, the receiver gets a signed event, the admin sees
 * the delivery, and a revoked token stops working at once.
 */
interface Received { body: string; headers: http.IncomingHttpHeaders }
let receiver: http.Server;
const received: Received[] = [];
test.beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => { body += c; });
    req.on("end", () => { received.push({ body, headers: req.headers }); res.writeHead(204).end(); });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
});
test.afterAll(async () => { await new Promise((r) => receiver.close(r)); });

test("API tokens from the settings page drive the API; a webhook receiver gets a signed event; a revoked token stops at once", async ({ browser, baseURL }) => {
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

  // The admin registers the receiver; the signing secret is shown once.
  const admin = await newUserPage(browser, USERS.admin);
  await admin.page.goto("/admin/webhooks");
  await admin.page.getByTestId("webhook-url").fill(hookUrl);
  await admin.page.getByRole("button", { name: "Add webhook" }).click();
  const secret = (await admin.page.getByTestId("webhook-secret").textContent())!.trim();
  expect(secret).toMatch(/^whsec_/);
  await expect(admin.page.getByTestId("webhook").filter({ hasText: hookUrl })).toBeVisible();

  // The editor makes a read-only and a read-write token.
  const editor = await newUserPage(browser, USERS.editor);
  await editor.page.goto("/settings/tokens");
  const makeToken = async (name: string, scopes: "read" | "read write") => {
    await editor.page.getByTestId("token-name").fill(name);
    await editor.page.getByTestId("token-scopes").selectOption(scopes);
    await editor.page.getByRole("button", { name: "Create token" }).click();
    const secretEl = editor.page.getByTestId("token-secret");
    await expect(secretEl).toBeVisible();
    const token = (await secretEl.textContent())!.trim();
    await expect(editor.page.getByTestId("token-list").getByText(name)).toBeVisible();
    return token;
  };
  const readOnly = await makeToken("dashboard reader", "read");
  const readWrite = await makeToken("newsroom importer", "read write");
  expect(readOnly).not.toBe(readWrite);

  // A script without cookies: reads with either token, writes only with the read-write one.
  const script = await apiRequest.newContext({ baseURL });
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const list = await script.get("/api/v1/articles", { headers: as(readOnly) });
  expect(list.status()).toBe(200);
  expect(((await list.json()) as { articles: Array<{ slug: string }> }).articles.map((a) => a.slug)).toContain(ENGLISH_SLUG);
  const text = "Ministers agree on water deal\nThe Gazette\n\nThe two ministers said on Monday that the deal would supply 40,000 homes.";
  expect((await script.post("/api/v1/articles", { headers: as(readOnly), data: { text, header: true } })).status()).toBe(403);
  const imported = await script.post("/api/v1/articles", { headers: as(readWrite), data: { text, header: true } });
  expect(imported.status(), await imported.text()).toBe(201);
  const article = (await imported.json()) as { id: string; title: string };
  expect(article.title).toBe("Ministers agree on water deal");

  // The receiver gets article.imported, signed with the secret the admin saw.
  await expect.poll(() => received.find((r) => r.body.includes(article.id)) ?? null, { timeout: 30_000 }).not.toBeNull();
  const hit = received.find((r) => r.body.includes(article.id))!;
  expect(hit.headers["sanad-event"]).toBe("article.imported");
  expect(verifySignature(secret, String(hit.headers["sanad-signature"]), hit.body)).toBe(true);
  expect(verifySignature("whsec_wrong", String(hit.headers["sanad-signature"]), hit.body)).toBe(false);

  // The admin sees the delivery and the receiver's answer.
  await expect(async () => {
    await admin.page.reload();
    await expect(admin.page.getByTestId("webhook").filter({ hasText: hookUrl }).getByText("HTTP 204").first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  // Revoking the read-write token in the page stops it on the next request.
  editor.page.once("dialog", (d) => void d.accept());
  const row = editor.page.getByTestId("token-list").getByRole("row").filter({ hasText: "newsroom importer" });
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked");
  expect((await script.get("/api/v1/articles", { headers: as(readWrite) })).status()).toBe(401);
  expect((await script.get("/api/v1/articles", { headers: as(readOnly) })).status()).toBe(200);

  // The admin removes the receiver (its queued deliveries go with it), so later tests send it nothing.
  admin.page.once("dialog", (d) => void d.accept());
  await admin.page.getByTestId("webhook").filter({ hasText: hookUrl }).getByRole("button", { name: "Remove" }).click();
  await expect(admin.page.getByTestId("webhook").filter({ hasText: hookUrl })).toHaveCount(0);

  await script.dispose();
  await admin.context.close();
  await editor.context.close();
});
