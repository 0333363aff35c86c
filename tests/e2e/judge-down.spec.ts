// When the judge is down the page says so and the learner's code stays saved; when it
// dies it is restarted; when it is full (the real service, a queue of 0) the page says
// it is busy and when to retry. Each test asserts the one outcome it is about: the
// "unavailable" message, never "that message or a normal result".
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { replaceCode, solution } from "./helpers";

/** Listens on the port and drops every connection: a judge that is down, held so the supervisor cannot restart it there. */
async function holdPort(port: number): Promise<net.Server> {
  for (;;) {
    const server = net.createServer((socket) => socket.destroy());
    const bound = await new Promise<boolean>((resolve) => {
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => resolve(true));
    });
    if (bound) return server;
    // The killed judge's socket is not closed until the kernel has reaped it: try again.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

test("a judge that is down: the page says it cannot reach it and keeps the draft; the judge comes back by itself", async ({ page, request }) => {
  const pidFile = path.join(process.env.E2E_DATA_DIR ?? "", "judge.pid");
  const pid = Number(readFileSync(pidFile, "utf8"));
  expect(pid).toBeGreaterThan(0);
  // playwright.config.ts gives the judge E2E_PORT + 2.
  const judgePort = Number(process.env.E2E_PORT ?? 3200) + 2;

  await page.goto("/concepts/rate-limiting");
  const code = `${solution()}\n// kept while the judge was down\n`;
  await replaceCode(page, code);
  await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");

  // Kill the judge and keep its port, so the restarted judge cannot listen until we let go:
  // however fast the supervisor restarts it, the submit below finds it down.
  process.kill(pid, "SIGKILL");
  const blocker = await holdPort(judgePort);
  try {
    await expect.poll(async () => (await request.get("/api/health")).status(), { timeout: 15_000, intervals: [50] }).toBe(503);
    await page.getByRole("button", { name: "Submit" }).click();
    const problem = page.getByTestId("judge-problem");
    await expect(problem).toHaveAttribute("role", "alert");
    await expect(problem).toContainText("The judge is not reachable right now. Your code is saved");
    await expect(page.getByRole("region", { name: "Result" })).toHaveCount(0);
    const draft = (await (await page.request.get("/api/drafts/rate-limiting/limiters")).json()) as { code: string };
    expect(draft.code).toBe(code);
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
  }

  // The supervisor keeps restarting it; once the port is free it listens and judges again.
  await expect.poll(async () => (await request.get("/api/health")).status(), { timeout: 30_000 }).toBe(200);
  expect(Number(readFileSync(pidFile, "utf8"))).not.toBe(pid);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("region", { name: "Result" })).toHaveAttribute("data-verdict", "passed");
});

test("a busy judge's 503 is shown kindly with when to retry (the browser's view)", async ({ page }) => {
  await page.goto("/concepts/rate-limiting");
  // Answer the one request as a saturated judge does, to pin the page's wording.
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

test.describe("the real judge with no room to queue", () => {
  // A stack of its own (its own database, judge and app), started the way `npm start`
  // does, with the judge allowed one run at a time and none waiting.
  let stack: ChildProcess | undefined;
  let appUrl = "";
  let judgePort = 0;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    const [appPort, pgPort, port] = [await freePort(), await freePort(), await freePort()];
    judgePort = port;
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
        JUDGE_PORT: String(judgePort),
        JUDGE_CONCURRENCY: "1",
        JUDGE_MAX_QUEUE: "0",
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
        message: `the busy-judge stack did not come up; see ${path.join(dataDir, "stack.log")}`,
      })
      .toBe(200);
  });

  test.afterAll(async () => {
    if (!stack || stack.exitCode !== null) return;
    const exited = new Promise((resolve) => stack!.once("exit", resolve));
    stack.kill("SIGTERM");
    await exited;
  });

  test("a submit while the judge's one slot is taken gets the judge's 503: the page says it is busy and when to retry", async ({ browser }) => {
    const page = await browser.newPage({ baseURL: appUrl });
    await page.goto("/concepts/rate-limiting");
    await replaceCode(page, solution());
    await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");

    // Another learner's endless loop takes the slot until the judge's CPU limit stops it.
    const holder = fetch(`${appUrl}/api/challenges/rate-limiting/limiters/run`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: "while (true) {}" }),
    });
    const judgeHealth = async () => ((await (await fetch(`http://127.0.0.1:${judgePort}/health`)).json()) as { running: number }).running;
    await expect.poll(judgeHealth, { intervals: [20] }).toBe(1);

    await page.getByRole("button", { name: "Run examples" }).click();
    const problem = page.getByTestId("judge-problem");
    await expect(problem).toHaveAttribute("role", "alert");
    await expect(problem).toContainText("The judge is busy. Your code is saved");
    await expect(problem).toContainText(/try again in \d+ s/);
    await expect(page.getByRole("region", { name: "Result" })).toHaveCount(0);

    // The loop is stopped by the CPU limit, and the judge takes the next run.
    const held = await holder;
    expect(held.status).toBe(200);
    expect(((await held.json()) as { verdict: string }).verdict).toBe("timeout");
    await page.getByRole("button", { name: "Run examples" }).click();
    await expect(page.getByRole("region", { name: "Result" })).toHaveAttribute("data-verdict", "passed");
    await page.close();
  });
});
