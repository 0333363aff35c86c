import { expect, test, type Page } from "@playwright/test";

async function startUrlShortener(page: Page) {
  await page.goto("/interviews");
  await expect(page.locator('[data-prompt="url-shortener"]')).toContainText("easy");
  await page.getByRole("button", { name: "Start: Design a URL shortener" }).click();
  await page.waitForURL(/\/interviews\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("current-phase")).toHaveText("Clarify requirements");
}

const remaining = async (page: Page) => Number(await page.getByTestId("countdown").getAttribute("data-remaining-ms"));

test.describe("mock interviews", () => {
  test("start, type notes, reload and open a second tab: the countdown has kept going and the notes are there", async ({ page }) => {
    const offsite: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (!["127.0.0.1", "localhost"].includes(url.hostname) && !["data:", "blob:"].includes(url.protocol)) offsite.push(request.url());
    });
    await startUrlShortener(page);
    await expect(page.getByTestId("brief")).toContainText("short link");
    await expect(page.getByTestId("scale")).toContainText("100 million per month");

    const notes = page.getByTestId("notes");
    await notes.click();
    await page.keyboard.type("Read heavy, 100:1. Put an LB in front and a Redis cache for hot keys.");
    // The notes' save state: the design board on the same page reports its own.
    await expect(page.locator("p[data-save-state]")).toHaveAttribute("data-save-state", "saved");
    await expect(page.locator("p[data-save-state]")).toContainText("version");

    // The worksheet's result goes into the notes.
    await page.getByRole("button", { name: "Insert into notes" }).click();
    await expect(notes).toHaveValue(/QPS from daily users: .* -> average .* requests\/s/);
    await expect(page.locator("p[data-save-state]")).toHaveAttribute("data-save-state", "saved");

    const before = await remaining(page);
    await page.reload();
    await expect(page.getByTestId("notes")).toHaveValue(/Redis cache for hot keys[\s\S]*QPS from daily users/);
    // The server's clock keeps running across the reload: wait for it to show a second gone, not a fixed sleep.
    await expect.poll(() => remaining(page)).toBeLessThan(before - 1000);
    expect(await remaining(page)).toBeGreaterThan(4 * 60_000);

    const second = await page.context().newPage();
    await second.goto(page.url());
    await expect(second.getByTestId("notes")).toHaveValue(/Redis cache for hot keys/);
    await expect.poll(async () => Math.abs((await remaining(second)) - (await remaining(page)))).toBeLessThan(1500);
    await second.close();
    expect(offsite, "requests leaving localhost").toEqual([]);
  });

  test("pause stops the clock, next phase moves on, and bad requests are clear 4xx", async ({ page }) => {
    await startUrlShortener(page);
    await page.getByRole("button", { name: "Pause" }).click();
    await expect(page.getByText("Phase 1 of 4 · paused")).toBeVisible();
    const paused = await remaining(page);
    // Paused, the clock must not move however long we look: a slow machine only makes this wait longer, never flips it.
    await page.waitForTimeout(1200);
    expect(await remaining(page)).toBe(paused);
    await page.getByRole("button", { name: "Resume" }).click();
    await page.getByRole("button", { name: "Next phase" }).click();
    await expect(page.getByTestId("current-phase")).toHaveText("High-level design");
    await expect(page.getByTestId("announcement")).toContainText("Phase 2 of 4");
    await expect(page.getByRole("tab", { selected: true })).toContainText("High-level design");

    const id = page.url().split("/").pop()!;
    const unknown = await page.request.post("/api/interviews", { data: { prompt: "no-such-prompt" } });
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error).toContain("no-such-prompt");
    const malformed = await page.request.get("/api/interviews/not-a-uuid");
    expect(malformed.status()).toBe(400);
    const tooBig = await page.request.put(`/api/interviews/${id}/notes/1`, { data: { text: "x".repeat(100 * 1024 + 1), version: 0 } });
    expect(tooBig.status()).toBe(413);
    const stale = await page.request.put(`/api/interviews/${id}/notes/1`, { data: { text: "from elsewhere", version: 0 } });
    expect(stale.status()).toBe(200);
    const conflict = await page.request.put(`/api/interviews/${id}/notes/1`, { data: { text: "stale tab", version: 0 } });
    expect(conflict.status()).toBe(409);
    expect(await conflict.json()).toMatchObject({ text: "from elsewhere", version: 1 });
    const anonymous = await page.request.get(`/api/interviews/${id}`, { headers: { cookie: "" } });
    expect(anonymous.status()).toBe(404);
  });

  test("finish: the rubric, concept coverage with lesson links, time per phase and the reference answer", async ({ page }) => {
    await startUrlShortener(page);
    await expect(page.getByTestId("reference")).toHaveCount(0);
    await page.getByTestId("notes").fill("Keys in a sharded store with a read replica; Redis cache in front; L7 LB.");
    await page.getByRole("button", { name: "Finish interview" }).click();
    await expect(page.getByTestId("rubric")).toBeVisible();
    await expect(page.getByTestId("coverage-used").getByRole("link", { name: "Caching" })).toHaveAttribute("href", "/concepts/caching");
    await expect(page.getByTestId("coverage-used")).toContainText("Sharding");
    await expect(page.getByTestId("coverage-missed").getByRole("link", { name: "Bloom filter" })).toHaveAttribute("href", "/concepts/bloom-filter");
    await expect(page.getByTestId("phase-time-chart")).toBeVisible();
    await expect(page.getByTestId("reference")).toContainText("Key generation");

    const rubric = page.getByTestId("rubric");
    const points = await rubric.locator("fieldset").count();
    for (let index = 0; index < points; index += 1) await rubric.locator("fieldset").nth(index).getByLabel("Fully").check();
    await rubric.getByRole("button", { name: "Save my scores" }).click();
    await expect(rubric).toContainText("Score: 100%");

    const id = page.url().split("/").pop()!;
    const resume = await page.request.post(`/api/interviews/${id}/resume`);
    expect(resume.status()).toBe(409);
    expect((await resume.json()).error).toContain("finished");

    await page.goto("/interviews");
    await expect(page.getByTestId("history")).toContainText("100%");
    await expect(page.getByTestId("overrun-chart")).toBeVisible();
  });
});
