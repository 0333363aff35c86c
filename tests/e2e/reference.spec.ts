import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

test.describe("quick reference, drill and search", () => {
  test("a drill round of 10 by clicks, scored, then in the history; a late answer is a 409", async ({ page }) => {
    // The right answer of each scenario, from the scenario data itself (not from the app).
    const scenarios = JSON.parse(readFileSync(path.join(process.cwd(), "content/reference/scenarios.json"), "utf8")) as {
      scenarios: Array<{ id: string; concept: string }>;
    };
    const answerOf = new Map(scenarios.scenarios.map((scenario) => [scenario.id, scenario.concept]));
    expect(answerOf.size).toBeGreaterThanOrEqual(40);

    await page.goto("/drill");
    await page.getByRole("button", { name: "Start a round of 10" }).click();
    const firstId = await page.getByTestId("drill-scenario").getAttribute("data-scenario");
    const shown: string[] = [];
    for (let i = 1; i <= 10; i += 1) {
      await expect(page.getByRole("heading", { name: `Scenario ${i} of 10` })).toBeVisible();
      const scenarioId = await page.getByTestId("drill-scenario").getAttribute("data-scenario");
      const answer = answerOf.get(scenarioId ?? "");
      expect(answer, `scenario ${scenarioId} is in the data`).toBeDefined();
      shown.push(scenarioId!);
      // Right on odd scenarios, wrong (another concept) on even ones: 5 of 10.
      const right = i % 2 === 1;
      const choice = right ? answer! : answer === "cdn" ? "caching" : "cdn";
      await page.locator(`[data-concept-choice="${choice}"]`).click();
      const feedback = page.getByTestId("drill-feedback");
      await expect(feedback).toHaveAttribute("data-correct", String(right));
      await expect(feedback.getByRole("link", { name: /Read the .* lesson/ })).toHaveAttribute("href", `/concepts/${answer}`);
      // The next button takes focus, so Enter moves on without the mouse.
      await page.keyboard.press("Enter");
    }
    expect(new Set(shown).size).toBe(10);
    await expect(page.getByRole("heading", { name: "Round finished: 5 of 10" })).toBeVisible();
    await expect(page.getByTestId("drill-history").locator("li")).toHaveCount(1);

    const history = (await (await page.request.get("/api/drills")).json()) as { rounds: Array<{ id: string }> };
    const roundId = history.rounds[0]!.id;
    const late = await page.request.post(`/api/drills/${roundId}/answers`, { data: { scenarioId: firstId, chosen: "cdn" } });
    expect(late.status()).toBe(409);
    expect(((await late.json()) as { error: string }).error).toContain("already finished");
    const fresh = (await (await page.request.post("/api/drills", { data: {} })).json()) as { id: string };
    const unknown = await page.request.post(`/api/drills/${fresh.id}/answers`, { data: { scenarioId: "no-such-scenario", chosen: "cdn" } });
    expect(unknown.status()).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toContain("no-such-scenario");
  });

  test("the search palette opens with Ctrl/Cmd+K and is driven by the keyboard", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("button", { name: /Search/ })).toBeVisible();
    const dialog = page.getByRole("dialog", { name: "Search Blueprint" });
    // A prerendered page served from memory can be on screen before React has hydrated it and
    // attached the shortcut: press again until the palette answers (never once it is open).
    await expect(async () => {
      if (!(await dialog.isVisible())) await page.keyboard.press("ControlOrMeta+k");
      await expect(dialog).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    const input = dialog.getByRole("combobox");
    await expect(input).toBeFocused();
    await page.keyboard.type("phi accrual");
    const options = dialog.getByRole("option");
    await expect(options.first()).toContainText(/phi accrual/i);
    await expect(options.filter({ hasText: "Heartbeat" }).first()).toBeVisible();
    await expect(dialog.getByText(/\d+ results?\./)).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    await page.keyboard.press("ControlOrMeta+k");
    await page.keyboard.type("bloom formula");
    await expect(options.first()).toContainText("Formula: Bloom filter");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    await expect(options.first()).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/cheat-sheet#formula-bloom$/);
  });

  test("the cheat sheet's tree leads to concepts, and it prints on at most two pages", async ({ page }) => {
    await page.goto("/cheat-sheet");
    await page.getByRole("button", { name: "The database is slow" }).click();
    await page.getByRole("button", { name: /Writes or the data size/ }).click();
    await expect(page.getByTestId("tree-result").getByRole("link", { name: "Sharding" })).toHaveAttribute("href", "/concepts/sharding");
    await expect(page.getByText("Corrected").first()).toBeVisible();

    const pdf = (await page.pdf({ format: "A4", printBackground: false })).toString("latin1");
    const pages = pdf.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
  });

  test("architectures at 360px: every box links to its lesson", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/architectures");
    const diagrams = page.getByRole("group", { name: /Each box links to its lesson/ });
    await expect(diagrams).toHaveCount(3);
    await expect(diagrams.first().locator("a").first()).toHaveAttribute("href", "/concepts/load-balancer");
    // Header fits: no horizontal scroll at 360px.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Drill" })).toBeVisible();
  });
});
