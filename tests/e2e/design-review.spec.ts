// The design check in an interview's review, in Chromium against the production build:
// a board saved and checked through the API during the interview, then Finish; the review
// shows the last check's verdict beside the rubric (each check Passed or Failed in words,
// with its message), the reference board beside the reference answer, and the history says
// which checks failed. axe-clean in light and dark mode.
import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const BOARDS = path.join(process.cwd(), "content/interviews/url-shortener");
const readBoard = (file: string) => JSON.parse(readFileSync(path.join(BOARDS, file), "utf8")) as { nodes: Array<{ id: string; label?: string }> };
const REFERENCE = readBoard("reference-board.json");
const ONE_SHARD = readBoard("flawed/storage-one-shard.json");

async function startUrlShortener(page: Page): Promise<string> {
  await page.goto("/interviews");
  await page.getByRole("button", { name: "Start: Design a URL shortener" }).click();
  await page.waitForURL(/\/interviews\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("current-phase")).toBeVisible();
  return page.url().split("/").pop()!;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(", ")}`);
}

test.describe("the design check in the interview review", () => {
  test("a board checked during the interview: after Finish the verdict sits beside the rubric and the reference board beside the answer", async ({ page }) => {
    const id = await startUrlShortener(page);
    // Before Finish the review is not on the page.
    await expect(page.getByTestId("design-review")).toHaveCount(0);

    const saved = await page.request.put(`/api/interviews/${id}/board`, { data: { board: ONE_SHARD, version: 0 } });
    expect(saved.status()).toBe(200);
    expect(await saved.json()).toMatchObject({ version: 1 });
    const checked = await page.request.post(`/api/interviews/${id}/board/check`);
    expect(checked.status()).toBe(200);
    expect(await checked.json()).toMatchObject({ boardVersion: 1, verdict: { verdict: "failed" } });
    // A bad board is refused by name; what is saved stays.
    const bad = await page.request.put(`/api/interviews/${id}/board`, { data: { board: { ...ONE_SHARD, nodes: [...ONE_SHARD.nodes, { id: "x", kind: "mainframe", x: 0, y: 0 }] }, version: 1 } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error).toContain("unknown kind");

    await page.getByRole("button", { name: "Finish interview" }).click();
    const review = page.getByTestId("design-review");
    await expect(review).toBeVisible();
    await expect(page.getByTestId("rubric")).toBeVisible();
    const verdict = page.getByTestId("design-verdict");
    await expect(verdict).toHaveAttribute("data-verdict", "failed");
    await expect(verdict).toContainText("Design failed 1 of 8 checks.");
    const storage = verdict.locator('[data-check="storage"]');
    await expect(storage).toContainText("Failed");
    await expect(storage).toContainText("GB");
    await expect(verdict.locator('[data-check="capacity"]')).toContainText("Passed");
    // The learner's board once: the read-only editor, not a second static copy in the review.
    await expect(page.getByTestId("design-board")).toHaveCount(1);
    await expect(page.getByTestId("design-board").getByRole("button", { name: "Undo" })).toHaveCount(0);
    await expect(page.getByTestId("my-board")).toHaveCount(0);
    await expect(page.getByText("Your board", { exact: false })).toHaveCount(0);

    const reference = page.getByTestId("reference-board");
    await expect(reference.getByRole("img")).toHaveAccessibleName(`The reference board: a diagram of ${REFERENCE.nodes.length} components and ${(REFERENCE as unknown as { edges: unknown[] }).edges.length} connections, listed below.`);
    // The text list for screen readers names every component.
    for (const node of REFERENCE.nodes) await expect(reference.locator("li", { hasText: node.label ?? node.id }).first()).toBeAttached();
    await expect(page.getByTestId("reference")).toContainText("Key generation");

    // The board is read-only once the interview has finished.
    const late = await page.request.put(`/api/interviews/${id}/board`, { data: { board: REFERENCE, version: 1 } });
    expect(late.status()).toBe(403);

    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.reload();
      await expect(page.getByTestId("design-verdict")).toBeVisible();
      expect(await seriousViolations(page), `${scheme} mode`).toEqual([]);
    }

    await page.goto("/interviews");
    const row = page.getByTestId("history").locator("tr", { has: page.locator(`a[href="/interviews/${id}"]`) });
    await expect(row.getByTestId("history-design")).toHaveText("failed: storage");
  });

  test("a board saved but never checked: the review offers the check, and its verdict then shows and reaches the history", async ({ page }) => {
    const id = await startUrlShortener(page);
    const saved = await page.request.put(`/api/interviews/${id}/board`, { data: { board: REFERENCE, version: 0 } });
    expect(saved.status()).toBe(200);
    await page.getByRole("button", { name: "Finish interview" }).click();
    await expect(page.getByTestId("design-verdict-none")).toContainText("never checked");
    await page.getByRole("button", { name: "Check my final board" }).click();
    const verdict = page.getByTestId("design-verdict");
    await expect(verdict).toHaveAttribute("data-verdict", "passed");
    await expect(verdict).toContainText("Design passed all 8 checks.");
    await expect(page.getByRole("button", { name: "Check my final board" })).toHaveCount(0);

    await page.goto("/interviews");
    const row = page.getByTestId("history").locator("tr", { has: page.locator(`a[href="/interviews/${id}"]`) });
    await expect(row.getByTestId("history-design")).toHaveText("passed");
  });

  test("the stateless check answers a verdict, a 400 naming the problem, and a 404 for an unknown prompt", async ({ page }) => {
    await page.goto("/interviews");
    const passed = await page.request.post("/api/design/check", { data: { prompt: "url-shortener", board: REFERENCE } });
    expect(passed.status()).toBe(200);
    expect(await passed.json()).toMatchObject({ prompt: "url-shortener", verdict: "passed" });
    const dangling = await page.request.post("/api/design/check", { data: { prompt: "url-shortener", board: { version: 1, nodes: [], edges: [{ from: "a", to: "b" }] } } });
    expect(dangling.status()).toBe(400);
    expect((await dangling.json()).error).toContain('no node has id "a"');
    const unknown = await page.request.post("/api/design/check", { data: { prompt: "no-such-prompt", board: REFERENCE } });
    expect(unknown.status()).toBe(404);
  });
});
