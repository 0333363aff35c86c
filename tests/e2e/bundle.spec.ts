// Hidden tests and solutions never reach a browser: the client bundle the build
// produced must not contain any hidden suite's canary string.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

test("no hidden test reaches the client bundle", () => {
  const staticDir = path.join(process.cwd(), process.env.BLUEPRINT_DIST_DIR ?? ".next", "static");
  const files = filesUnder(staticDir).filter((file) => /\.(js|css|json|map)$/.test(file));
  expect(files.length).toBeGreaterThan(10);
  const leaks = files.filter((file) => readFileSync(file, "utf8").includes("hidden-canary:"));
  expect(leaks).toEqual([]);
  // And the canary does exist in the content, so the search above can succeed.
  const hidden = readFileSync(path.join(process.cwd(), "content/concepts/rate-limiting/challenge/hidden.test.ts"), "utf8");
  expect(hidden).toContain("hidden-canary:rate-limiting");
});

test("pages fetch nothing from another host", async ({ page }) => {
  const offsite: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith("http") && !["127.0.0.1", "localhost"].includes(url.hostname)) offsite.push(request.url());
  });
  for (const route of ["/", "/concepts/rate-limiting"]) {
    await page.goto(route);
    await page.waitForLoadState("networkidle");
  }
  await expect(page.locator(".monaco-editor").first()).toBeVisible();
  expect(offsite).toEqual([]);
});
