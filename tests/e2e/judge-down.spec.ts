// When the judge dies it is restarted; while it is down the page says so and the
// learner's code stays saved.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { replaceCode, solution } from "./helpers";

test("a judge that dies is restarted, and the page keeps the draft meanwhile", async ({ page, request }) => {
  const pidFile = path.join(process.env.E2E_DATA_DIR ?? "", "judge.pid");
  const pid = Number(readFileSync(pidFile, "utf8"));
  expect(pid).toBeGreaterThan(0);

  await page.goto("/concepts/rate-limiting");
  const code = `${solution()}\n// kept while the judge was down\n`;
  await replaceCode(page, code);
  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");

  process.kill(pid, "SIGKILL");
  await expect.poll(async () => (await request.get("/api/health")).status(), { timeout: 5_000, intervals: [50] }).toBe(503);

  // Submitting now: the page explains, the draft is on the server.
  await page.getByRole("button", { name: "Submit" }).click();
  const outcome = page.getByTestId("judge-problem").or(page.getByRole("region", { name: "Result" }));
  await expect(outcome).toBeVisible();
  const draft = await (await page.request.get("/api/drafts/rate-limiting/limiters")).json();
  expect(draft.code).toBe(code);

  // The judge comes back by itself and judges again.
  await expect.poll(async () => (await request.get("/api/health")).status(), { timeout: 20_000 }).toBe(200);
  expect(Number(readFileSync(pidFile, "utf8"))).not.toBe(pid);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("region", { name: "Result" })).toHaveAttribute("data-verdict", "passed");
});

test("a busy judge's 503 is shown kindly with when to retry", async ({ page }) => {
  await page.goto("/concepts/rate-limiting");
  // Hold the one request back and answer it as a saturated judge does.
  await page.route("**/api/challenges/**", (route) =>
    route.fulfill({
      status: 503,
      headers: { "retry-after": "2", "content-type": "application/json" },
      body: JSON.stringify({ error: "The judge is busy. Your code is saved; try again in a moment." }),
    }),
  );
  await page.getByRole("button", { name: "Run examples" }).click();
  const problem = page.getByTestId("judge-problem");
  await expect(problem).toHaveAttribute("role", "alert");
  await expect(problem).toContainText("The judge is busy. Your code is saved");
  await expect(problem).toContainText("try again in 2 s");
});
