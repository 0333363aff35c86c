// Every concept's page on a phone-width screen: it renders its lesson, its model and
// the editor without a JavaScript error, its model has a text alternative, and nothing
// is wider than the screen.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

const catalog = JSON.parse(readFileSync(path.join(process.cwd(), "content/concepts/catalog.json"), "utf8")) as {
  concepts: Array<{ slug: string; title: string }>;
};

test.use({ viewport: { width: 360, height: 740 } });

for (const concept of catalog.concepts) {
  test(`${concept.slug}: renders at 360 px without errors`, async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      // A failed request is reported below with its URL, which says more than the console does.
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(message.text());
    });
    page.on("response", (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
    });
    await page.goto(`/concepts/${concept.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator(".prose-lesson [aria-live]").first()).toBeAttached();
    await expect(page.locator("figure svg").first()).toBeAttached();
    // At 360 px the challenge sits below the lesson, and its editor loads once it is near the screen.
    await page.getByTestId("editor").scrollIntoViewIfNeeded();
    await expect(page.locator(".monaco-editor").first()).toBeVisible({ timeout: 20_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "page is wider than the screen").toBeLessThanOrEqual(1);
    expect(errors).toEqual([]);
  });
}
