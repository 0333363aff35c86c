import { chmodSync, existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium where installed (offline machines, CI); Playwright's own elsewhere.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((file) => existsSync(file));
const port = Number(process.env.E2E_PORT ?? 3200);
const baseURL = `http://127.0.0.1:${port}`;
// A fresh data folder per run: its own embedded PostgreSQL, nothing left from earlier runs.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), "blueprint-e2e-"));
chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as its own user and must reach the folder
process.env.E2E_DATA_DIR = dataDir; // workers load this file too: they must see the same folder
process.env.BLUEPRINT_ANONYMOUS_LEARNERS_PER_HOUR ??= "300";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // A stray test.only must not turn a CI run into a run of one test.
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: path.join(process.env.BLUEPRINT_TEST_REPORTS ?? "test-reports", "e2e.json") }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: systemChromium
      ? {
          executablePath: systemChromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        }
      : {},
  },
  webServer: {
    command: "npm start",
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      BLUEPRINT_DATA_DIR: dataDir,
      BLUEPRINT_PG_PORT: String(port + 1),
      // The judge worker's lease: judge-down.spec.ts stops the worker and waits this long for the app to call it gone.
      JUDGE_LEASE_MS: "2000",
      // As if behind a reverse proxy on loopback: tests name client addresses in X-Forwarded-For (api.spec.ts).
      BLUEPRINT_TRUSTED_PROXIES: "127.0.0.1",
      // Every other test is a new visitor from 127.0.0.1: room for a growing suite (api.spec.ts reads it).
      BLUEPRINT_ANONYMOUS_LEARNERS_PER_HOUR: process.env.BLUEPRINT_ANONYMOUS_LEARNERS_PER_HOUR,
    },
  },
});
