// Every page type through axe-core in Chromium, in light and in dark mode, anonymous and
// (where the page differs) signed in. Any serious or critical violation fails, named with
// the elements it was found on, so the fix can go to the primitive or palette behind it.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signUpAs } from "./sign-up";

const SCHEMES = ["light", "dark"] as const;
type Scheme = (typeof SCHEMES)[number];

interface PageCase {
  name: string;
  path: string | ((page: Page) => Promise<string>);
  /** What shows that the page's per-learner part has arrived (static pages fetch it after load). */
  ready?: (page: Page) => Promise<void>;
}

const accountReady = (page: Page) => expect(page.locator('[data-testid="account-menu"][data-state="ready"]')).toBeVisible();

async function lessonReady(page: Page) {
  await accountReady(page);
  await expect(page.locator(".monaco-editor").first()).toBeVisible();
}

/** Starts a mock interview (as this browser's learner) and returns its page. */
async function interviewPath(page: Page): Promise<string> {
  await page.goto("/interviews");
  await page.getByRole("button", { name: "Start: Design a URL shortener" }).click();
  await page.waitForURL(/\/interviews\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

const PAGES: PageCase[] = [
  { name: "home", path: "/", ready: async (page) => expect(page.locator('[data-progress="ready"]')).toBeVisible() },
  { name: "lesson: rate limiting", path: "/concepts/rate-limiting", ready: lessonReady },
  { name: "lesson: consistent hashing", path: "/concepts/consistent-hashing", ready: lessonReady },
  { name: "dashboard", path: "/dashboard" },
  { name: "interviews", path: "/interviews" },
  { name: "an interview", path: interviewPath, ready: async (page) => expect(page.getByTestId("current-phase")).toBeVisible() },
  { name: "interview practice", path: "/interviews/practice/url-shortener", ready: async (page) => expect(page.getByTestId("design-board")).toHaveAttribute("data-ready", "true") },
  { name: "drill", path: "/drill", ready: async (page) => expect(page.getByRole("button", { name: /Start a round|Start another round/ })).toBeVisible() },
  { name: "review", path: "/review", ready: async (page) => expect(page.getByTestId("review-session")).toBeVisible() },
  { name: "cheat sheet", path: "/cheat-sheet" },
  { name: "architectures", path: "/architectures" },
  { name: "sign in", path: "/sign-in" },
  { name: "sign up", path: "/sign-up" },
];

/** The pages whose content depends on who is signed in. */
const SIGNED_IN_PAGES = ["home", "lesson: rate limiting", "dashboard", "interviews", "drill"];

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}, ${violation.nodes.length} node${violation.nodes.length === 1 ? "" : "s"}): ${violation.help}\n    ${violation.nodes
          .slice(0, 4)
          .map((node) => `${node.target.join(" ")}${node.failureSummary ? ` — ${node.failureSummary.split("\n").slice(1, 2).join("").trim()}` : ""}`)
          .join("\n    ")}`,
    );
}

async function check(page: Page, entry: PageCase, scheme: Scheme): Promise<string[]> {
  await page.emulateMedia({ colorScheme: scheme });
  const path = typeof entry.path === "string" ? entry.path : await entry.path(page);
  await page.goto(path);
  await expect(page.locator("html")).toHaveClass(scheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
  await (entry.ready ?? accountReady)(page);
  return (await seriousViolations(page)).map((line) => `${entry.name} (${scheme}): ${line}`);
}

for (const scheme of SCHEMES) {
  test.describe(`axe, ${scheme} mode`, () => {
    for (const entry of PAGES) {
      test(`${entry.name} has no serious or critical violation`, async ({ page }) => {
        expect(await check(page, entry, scheme)).toEqual([]);
      });
    }
  });
}

for (const scheme of SCHEMES) {
  test(`signed in, ${scheme} mode: the pages that differ have no serious or critical violation`, async ({ page }) => {
    // Five pages, each fully loaded (a lesson waits for Monaco) and analysed: more than the default minute on a busy machine.
    test.setTimeout(240_000);
    await signUpAs(page, "Axe Learner", "axe");
    const found: string[] = [];
    for (const entry of PAGES.filter((candidate) => SIGNED_IN_PAGES.includes(candidate.name))) {
      found.push(...(await check(page, entry, scheme)).map((line) => `signed in, ${line}`));
    }
    expect(found).toEqual([]);
  });
}
