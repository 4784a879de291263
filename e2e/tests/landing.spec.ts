import { DEFAULT_BRAND } from "@brokerage/db/seed";
import { expect, test } from "../fixtures/test";

test.describe("landing page", () => {
  test("shows the brand and what the portal offers", async ({ page }) => {
    await page.goto("/");

    await expect(page).toHaveTitle(DEFAULT_BRAND.displayName);
    await expect(page.getByRole("heading", { level: 1, name: DEFAULT_BRAND.displayName })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "What you can do here" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Practice with a demo account" })).toBeVisible();

    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Home" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("banner").getByRole("link", { name: DEFAULT_BRAND.displayName })).toBeVisible();
    await expect(page.getByRole("contentinfo")).toContainText(DEFAULT_BRAND.displayName);
  });

  test("lets keyboard users skip to the content", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skipLink = page.getByRole("link", { name: "Skip to main content" });
    await expect(skipLink).toBeFocused();
    await expect(skipLink).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("main")).toBeFocused();
  });

  test("is served with a nonce-based CSP, security headers and a request id", async ({ page }) => {
    const response = await page.goto("/");
    const headers = response!.headers();
    const csp = headers["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers["x-powered-by"]).toBeUndefined();
    // Next put the nonce on its scripts, or the page would not have hydrated (the page
    // fixture fails the test on any CSP violation in the console).
    await expect(page.locator(`script[nonce]`).first()).toBeAttached();

    const second = await page.request.get("/");
    expect(second.headers()["content-security-policy"]).not.toContain(nonce!);
  });

  test("answers unknown pages with a 404 page", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response!.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await page.getByRole("link", { name: "Go to the home page" }).click();
    await expect(page.getByRole("heading", { level: 1, name: DEFAULT_BRAND.displayName })).toBeVisible();
  });
});
