import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { mutant, replaceCode, solution } from "./helpers";

const DRAFT_API = "/api/drafts/rate-limiting/limiters";

/** This page saves `mine`; then "another tab" (the same learner's cookie) saves `theirs`, and this tab comes back into focus. */
async function conflictOnPage(page: Page, mine: string, theirs: string) {
  await page.goto("/concepts/rate-limiting");
  await replaceCode(page, mine);
  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");
  // The server orders saves by its own clock in ms: the other tab's save is surely the newer.
  const other = await page.request.put(DRAFT_API, { data: { code: theirs }, headers: { origin: new URL(page.url()).origin } });
  expect(other.status()).toBe(200);
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
  const notice = page.getByTestId("draft-conflict");
  await expect(notice).toBeVisible();
  return notice;
}

test.describe("the rate-limiting lesson", () => {
  test("the home page maps all 20 concepts, rate limiting available", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("[data-concept]")).toHaveCount(20);
    const rateLimiting = page.locator('a[data-concept="rate-limiting"]');
    await expect(rateLimiting).toBeVisible();
    await rateLimiting.click();
    await expect(page.getByRole("heading", { level: 1, name: "Rate limiting" })).toBeVisible();
  });

  test("write a correct solution, submit with the keyboard, see it pass; a wrong one names the failing test", async ({ page }) => {
    const offsite: string[] = [];
    page.on("request", (request) => {
      const host = new URL(request.url()).hostname;
      if (!["127.0.0.1", "localhost"].includes(host) && !request.url().startsWith("data:") && !request.url().startsWith("blob:")) {
        offsite.push(request.url());
      }
    });

    await page.goto("/concepts/rate-limiting");
    await expect(page.getByRole("heading", { name: "Build three rate limiters" })).toBeVisible();
    await expect(page.getByText(/Ctrl\+Shift\+Enter|⌘\+Shift\+Enter/)).toBeVisible();

    // Wrong first: a mutant that refills past capacity. The judge answers in tens of
    // milliseconds, so hold this one response back a second to see the progress indicator.
    await page.route("**/api/challenges/**", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    }, { times: 1 });
    await replaceCode(page, mutant("token-bucket-overfills"));
    await page.keyboard.press("ControlOrMeta+Shift+Enter");
    await expect(page.getByTestId("judging")).toBeVisible();
    await expect(page.getByTestId("judging")).toContainText("Running the hidden tests on the server");
    const result = page.getByRole("region", { name: "Result" });
    await expect(result).toHaveAttribute("data-verdict", "failed");
    await expect(result.locator('[data-test-status="failed"]').first()).toContainText("never refills above capacity");
    await expect(page.getByRole("status").filter({ hasText: "Hidden tests" })).toContainText("passed");

    // Then right.
    await replaceCode(page, solution());
    await page.keyboard.press("ControlOrMeta+Shift+Enter");
    await expect(result).toHaveAttribute("data-verdict", "passed");
    await expect(result).toContainText(/(\d+)\/\1 tests passed/);
    await expect(page.getByTestId("submissions").locator("li")).toHaveCount(2);

    // Run shows the examples.
    await page.getByRole("button", { name: "Run examples" }).click();
    await expect(result).toContainText("Run: Passed");

    expect(offsite, "requests leaving localhost").toEqual([]);
  });

  test("the draft survives a reload", async ({ page }) => {
    await page.goto("/concepts/rate-limiting");
    const marker = `// draft marker ${Date.now()}`;
    await replaceCode(page, `${marker}\nexport {};\n`);
    await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");
    await page.reload();
    await expect(page.locator(".monaco-editor .view-lines")).toContainText(marker);
  });

  test("a compile error shows the line and column", async ({ page }) => {
    await page.goto("/concepts/rate-limiting");
    await replaceCode(page, "export class TokenBucket {}\nconst broken = ;\n");
    await page.getByRole("button", { name: "Run examples" }).click();
    const result = page.getByRole("region", { name: "Result" });
    await expect(result).toHaveAttribute("data-verdict", "compile_error");
    await expect(result).toContainText("Line 2, column 16");
  });

  test("dark mode toggles and is remembered", async ({ page }) => {
    await page.goto("/");
    const html = page.locator("html");
    const wasDark = (await html.getAttribute("class"))?.includes("dark") ?? false;
    await page.getByRole("button", { name: /Switch to (dark|light) mode/ }).click();
    await expect(html).toHaveClass(wasDark ? /^(?!.*dark)/ : /dark/);
    await page.reload();
    await expect(html).toHaveClass(wasDark ? /^(?!.*dark)/ : /dark/);
  });

  test("a newer save from another tab is announced, passes axe in light and dark, and either version can be kept", async ({ page }) => {
    const mine = `// mine ${Date.now()}\nexport {};\n`;
    const theirs = `// theirs ${Date.now()}\nexport {};\n`;
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const notice = await conflictOnPage(page, mine, theirs);
      await expect(notice).toContainText("A newer version of this draft was saved from another tab or device");
      await expect(page.locator(".monaco-editor .view-lines")).toContainText("// mine");
      const results = await new AxeBuilder({ page }).include('[data-testid="draft-conflict"]').analyze();
      const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
      expect(serious.map((violation) => `${scheme}: ${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
    }

    // Load the other version: the editor shows it and the notice goes.
    await page.getByRole("button", { name: "Load the other version" }).click();
    await expect(page.locator(".monaco-editor .view-lines")).toContainText("// theirs");
    await expect(page.getByTestId("draft-conflict")).toHaveCount(0);

    // Keep mine: this tab's text is saved as the newest, and the page says what it replaced.
    await conflictOnPage(page, mine, theirs);
    await page.getByRole("button", { name: "Keep mine (save it as the newest)" }).click();
    await expect(page.getByTestId("draft-conflict")).toHaveCount(0);
    await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");
    expect(((await (await page.request.get(DRAFT_API)).json()) as { code: string }).code).toBe(mine);
  });
});
