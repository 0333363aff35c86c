// Spaced review end to end in Chromium: a submit that fails a hidden test makes a card
// from that test's name and message; the learner finds it on /review, reveals it with
// Space, grades it with a key and sees when it comes back; the page is axe-clean in light
// and dark mode and on a phone; strict mode keeps the failed tests' names off the page.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { mutant, replaceCode } from "./helpers";

interface SubmitReply {
  strict?: boolean;
  tests: Array<{ name: string; status: string; message?: string }>;
}

/** Submits the mutant from the rate-limiting lesson and returns the reply the browser got. */
async function submitMutant(page: Page): Promise<SubmitReply> {
  await page.goto("/concepts/rate-limiting");
  await expect(page.locator('[data-testid="account-menu"][data-state="ready"]')).toBeVisible();
  await replaceCode(page, mutant("token-bucket-overfills"));
  const reply = page.waitForResponse((response) => response.url().endsWith("/api/challenges/rate-limiting/limiters/submit"));
  await page.getByRole("button", { name: "Submit" }).click();
  const response = await reply;
  expect(response.status()).toBe(200);
  await expect(page.getByRole("region", { name: "Result" })).toHaveAttribute("data-verdict", "failed");
  return (await response.json()) as SubmitReply;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** Grades the cards ahead of the one whose question contains `text` (Good), leaving it on screen. */
async function reachCard(page: Page, text: string) {
  const card = page.getByTestId("review-card");
  for (let shown = 0; shown < 60; shown++) {
    await expect(card).toBeVisible();
    if ((await card.getByRole("heading", { level: 2 }).textContent())?.includes(text)) return;
    const id = await card.getAttribute("data-card");
    await page.keyboard.press(" ");
    await page.keyboard.press("3");
    await expect(card).not.toHaveAttribute("data-card", id ?? "");
  }
  throw new Error(`no card asking about ${text}`);
}

test.describe("spaced review", () => {
  test("fail a hidden test, find its card in review, grade it with the keyboard, see it scheduled", async ({ page }) => {
    test.setTimeout(120_000);
    const verdict = await submitMutant(page);
    const failed = verdict.tests.find((t) => t.status === "failed");
    expect(failed, "the mutant fails a hidden test").toBeDefined();

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review" }).click();
    await expect(page).toHaveURL(/\/review$/);
    await reachCard(page, `'${failed!.name}'`);
    const card = page.getByTestId("review-card");
    await expect(card).toHaveAttribute("data-kind", "hidden_test");
    const cardId = await card.getAttribute("data-card");
    // The theme is set from the colour scheme as the page loads: reload in each. The card is still the first due.
    for (const scheme of ["dark", "light"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.reload();
      await expect(page.locator("html")).toHaveClass(scheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
      await expect(card).toHaveAttribute("data-card", cardId!);
      expect(await seriousViolations(page), `review page, question, ${scheme}`).toEqual([]);
    }

    // Space reveals the answer: the failure message and a link to the challenge's rules.
    await page.keyboard.press(" ");
    const answer = page.getByTestId("review-answer");
    await expect(answer).toBeVisible();
    if (failed!.message) await expect(answer).toContainText(failed!.message.slice(0, 60));
    await expect(answer.getByRole("link", { name: "The challenge's rules in the lesson" })).toHaveAttribute("href", "/concepts/rate-limiting#the-challenge");
    expect(await seriousViolations(page), "review page, answer").toEqual([]);

    // Key 3 grades it Good: the page says when it comes back, and it is no longer due.
    await page.keyboard.press("3");
    await expect(page.getByTestId("review-last")).toContainText(/Last card graded Good: due again in \d+ (minute|hour|day)s?/);
    await expect(card).not.toHaveAttribute("data-card", cardId!);
    const due = await page.request.get("/api/review/due");
    const dueIds = ((await due.json()) as { cards: Array<{ id: string }> }).cards.map((c) => c.id);
    expect(dueIds).not.toContain(cardId);

    // Stop here and come back: the session resumes with the cards still due, not from the start.
    await page.reload();
    await expect(page.getByTestId("review-card").or(page.getByRole("heading", { name: "No cards due" }))).toBeVisible();
    if (await page.getByTestId("review-card").isVisible()) await expect(page.getByTestId("review-card")).not.toHaveAttribute("data-card", cardId!);

    // The dashboard counts it among the next days' cards.
    await page.goto("/dashboard");
    const widget = page.getByTestId("review-widget");
    await expect(widget.getByTestId("review-next-days")).toBeVisible();
    await expect(widget.getByTestId("review-retention")).toContainText("Rate limiting");
    expect(await seriousViolations(page), "dashboard with the review widget").toEqual([]);
  });

  test("on a phone the card, the reveal and the grades fit the screen", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.request.post("/api/progress/caching", { data: { event: "lesson_read" } });
    await page.goto("/review");
    const card = page.getByTestId("review-card");
    await expect(card).toBeVisible();
    await page.getByTestId("review-reveal").tap();
    const good = page.getByRole("button", { name: /^Good/ });
    await expect(good).toBeVisible();
    const box = await good.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page), "review page on a phone").toEqual([]);
    const id = await card.getAttribute("data-card");
    await good.tap();
    await expect(page.getByTestId("review-last")).toContainText("Good");
    await expect(card.or(page.getByRole("heading", { name: /Done for now/ }))).toBeVisible();
    if (await card.isVisible()) await expect(card).not.toHaveAttribute("data-card", id!);
    await context.close();
  });

  test("strict mode: Submit's reply and the page carry no failed test names; the named cards appear on leaving strict", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto("/concepts/rate-limiting");
    const toggle = page.getByRole("switch", { name: "Strict mode" });
    await expect(toggle).toBeEnabled();
    const saved = page.waitForResponse((response) => response.url().endsWith("/api/me/strict-mode") && response.request().method() === "PUT");
    await toggle.check();
    expect((await saved).status()).toBe(200);
    await expect(page.getByText("Submit shows only the verdict and how many hidden tests passed.")).toBeVisible();
    const verdict = await submitMutant(page);
    expect(verdict.strict).toBe(true);
    expect(verdict.tests).toEqual([]);
    await expect(page.getByTestId("strict-verdict")).toBeVisible();
    await expect(page.getByRole("region", { name: "Result" })).not.toContainText("never refills above capacity");

    await page.goto("/review");
    await reachCard(page, "hidden test");
    await expect(page.getByTestId("review-card")).toHaveAttribute("data-kind", "strict_failure");
    await expect(page.locator("body")).not.toContainText("never refills above capacity");

    await page.goto("/concepts/rate-limiting");
    const left = page.waitForResponse((response) => response.url().endsWith("/api/me/strict-mode") && response.request().method() === "PUT");
    await page.getByRole("switch", { name: "Strict mode" }).uncheck();
    expect((await left).status()).toBe(200);
    await expect(page.getByText("Submit names the hidden tests that failed.")).toBeVisible();
    await page.goto("/review");
    await reachCard(page, "never refills above capacity");
    await expect(page.getByTestId("review-card")).toHaveAttribute("data-kind", "hidden_test");
  });
});
