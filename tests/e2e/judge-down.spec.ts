// When no judge worker is running the page says judging is unavailable and the learner's code
// stays saved; a worker that dies is restarted; when the queue is full (the real queue, a depth
// of 1) the page says it is busy and when to retry. Each test asserts the one outcome it is
// about: the "unavailable" message, never "that message or a normal result".
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { replaceCode, solution } from "./helpers";

const pidFile = () => path.join(process.env.E2E_DATA_DIR ?? "", "judge-worker.pid");
const health = async (request: import("@playwright/test").APIRequestContext) => (await request.get("/api/health")).status();

test("no judge worker: the page says judging is unavailable and keeps the draft; a killed worker is restarted and judges again", async ({ page, request }) => {
  const pid = Number(readFileSync(pidFile(), "utf8"));
  expect(pid).toBeGreaterThan(0);
  await expect.poll(() => health(request), { timeout: 60_000 }).toBe(200);

  await page.goto("/concepts/rate-limiting");
  const code = `${solution()}\n// kept while no worker ran\n`;
  await replaceCode(page, code);
  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");

  // Freeze the worker: it stops beating, and once its lease (JUDGE_LEASE_MS, 2 s here) runs out
  // the app knows no worker is running. The supervisor does not restart a stopped process.
  process.kill(pid, "SIGSTOP");
  try {
    await expect.poll(() => health(request), { timeout: 15_000, intervals: [100] }).toBe(503);
    await page.getByRole("button", { name: "Submit" }).click();
    const problem = page.getByTestId("judge-problem");
    await expect(problem).toHaveAttribute("role", "alert");
    await expect(problem).toContainText("Judging is unavailable: no judge worker is running. Your draft is saved");
    await expect(page.getByRole("region", { name: "Result" })).toHaveCount(0);
    const draft = (await (await page.request.get("/api/drafts/rate-limiting/limiters")).json()) as { code: string };
    expect(draft.code).toBe(code);
  } finally {
    process.kill(pid, "SIGCONT");
  }

  // Killed outright, the worker is started again by the supervisor and takes the next submit.
  process.kill(pid, "SIGKILL");
  await expect.poll(() => Number(readFileSync(pidFile(), "utf8")), { timeout: 30_000 }).not.toBe(pid);
  await expect.poll(() => health(request), { timeout: 60_000 }).toBe(200);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("region", { name: "Result" })).toHaveAttribute("data-verdict", "passed");
});

test("a busy judge's 503 is shown kindly with when to retry (the browser's view)", async ({ page }) => {
  await page.goto("/concepts/rate-limiting");
  // Answer the one request as a full queue does, to pin the page's wording.
  await page.route("**/api/challenges/**", (route) =>
    route.fulfill({
      status: 503,
      headers: { "retry-after": "2", "content-type": "application/json" },
      body: JSON.stringify({ error: "The judge is busy. Your draft is saved; try again in a moment.", code: "unavailable" }),
    }),
  );
  await page.getByRole("button", { name: "Run examples" }).click();
  const problem = page.getByTestId("judge-problem");
  await expect(problem).toHaveAttribute("role", "alert");
  await expect(problem).toContainText("The judge is busy. Your draft is saved");
  await expect(problem).toContainText("try again in 2 s");
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test.describe("the real queue with no room", () => {
  // A stack of its own (its own database, worker and app), started the way `npm start`
  // does, with one worker judging one run at a time and a queue depth of 1.
  let stack: ChildProcess | undefined;
  let appUrl = "";

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    const [appPort, pgPort] = [await freePort(), await freePort()];
    appUrl = `http://127.0.0.1:${appPort}`;
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "blueprint-busy-judge-"));
    chmodSync(dataDir, 0o755);
    const log = openSync(path.join(dataDir, "stack.log"), "a");
    stack = spawn(process.execPath, ["--import", "tsx", "scripts/start-stack.ts", "start"], {
      cwd: process.cwd(),
      env: {
        ...process.env,
        PORT: String(appPort),
        BLUEPRINT_DATA_DIR: dataDir,
        BLUEPRINT_PG_PORT: String(pgPort),
        JUDGE_CONCURRENCY: "1",
        JUDGE_MAX_QUEUE_DEPTH: "1",
        BETTER_AUTH_URL: `http://localhost:${appPort}`,
        BLUEPRINT_TRUSTED_ORIGINS: `http://localhost:${appPort},${appUrl}`,
      },
      // Its output goes to a file in its data folder, named in the failure message below.
      stdio: ["ignore", log, log],
    });
    await expect
      .poll(async () => (await fetch(`${appUrl}/api/health`).catch(() => null))?.status, {
        timeout: 200_000,
        intervals: [500],
        message: `the busy-queue stack did not come up; see ${path.join(dataDir, "stack.log")}`,
      })
      .toBe(200);
  });

  test.afterAll(async () => {
    if (!stack || stack.exitCode !== null) return;
    const exited = new Promise((resolve) => stack!.once("exit", resolve));
    stack.kill("SIGTERM");
    await exited;
  });

  test("a submit while the one queued job fills the queue gets a 503 before enqueueing: the page says it is busy and when to retry", async ({ browser }) => {
    const page = await browser.newPage({ baseURL: appUrl });
    await page.goto("/concepts/rate-limiting");
    await replaceCode(page, solution());
    await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");

    // Another learner's endless loop holds the queue's one place until the judge's CPU limit stops it.
    const holder = fetch(`${appUrl}/api/challenges/rate-limiting/limiters/run`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: "while (true) {}" }),
    });
    const depth = async () => ((await (await fetch(`${appUrl}/api/health`)).json()) as { queue?: { depth?: number } }).queue?.depth;
    await expect.poll(depth, { intervals: [20] }).toBe(1);

    await page.getByRole("button", { name: "Run examples" }).click();
    const problem = page.getByTestId("judge-problem");
    await expect(problem).toHaveAttribute("role", "alert");
    await expect(problem).toContainText("The judge is busy. Your draft is saved");
    await expect(problem).toContainText(/try again in \d+ s/);
    await expect(page.getByRole("region", { name: "Result" })).toHaveCount(0);

    // The loop is stopped by the CPU limit, and the worker takes the next run.
    const held = await holder;
    expect(held.status).toBe(200);
    expect(((await held.json()) as { verdict: string }).verdict).toBe("timeout");
    await page.getByRole("button", { name: "Run examples" }).click();
    await expect(page.getByRole("region", { name: "Result" })).toHaveAttribute("data-verdict", "passed");
    await page.close();
  });
});
