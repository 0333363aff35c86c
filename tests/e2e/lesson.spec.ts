import { expect, test } from "@playwright/test";
import { mutant, replaceCode, solution } from "./helpers";

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
});
