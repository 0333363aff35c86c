// Hidden tests and solutions never reach a browser: the client bundle the build
// produced must not contain any hidden suite's canary string.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

// Every hidden.test.ts and solution.ts carries a canary string; none may appear in
// anything a browser can get: the static bundle, the prerendered pages, or what the
// running server answers for each concept page (its HTML and its RSC payload).
const CANARIES = ["hidden-canary:", "solution-canary:"];
const distDir = path.join(process.cwd(), process.env.BLUEPRINT_DIST_DIR ?? ".next");
const conceptsDir = path.join(process.cwd(), "content/concepts");
const catalog = JSON.parse(readFileSync(path.join(conceptsDir, "catalog.json"), "utf8")) as { concepts: Array<{ slug: string; title: string }> };
const slugs = catalog.concepts.map((concept) => concept.slug);
const titleOf = (slug: string) => catalog.concepts.find((concept) => concept.slug === slug)?.title ?? slug;

const leaksIn = (text: string) => CANARIES.filter((canary) => text.includes(canary));

test("every hidden suite and every solution carries its canary, so the searches below can find a leak", () => {
  expect(slugs).toHaveLength(20);
  for (const slug of slugs) {
    expect(readFileSync(path.join(conceptsDir, slug, "challenge/hidden.test.ts"), "utf8")).toContain(`hidden-canary:${slug}`);
    expect(readFileSync(path.join(conceptsDir, slug, "challenge/solution.ts"), "utf8")).toContain(`solution-canary:${slug}`);
  }
});

test("no hidden test or solution reaches the client bundle", () => {
  const files = filesUnder(path.join(distDir, "static")).filter((file) => /\.(js|css|json|map)$/.test(file));
  expect(files.length).toBeGreaterThan(10);
  const leaks = files.filter((file) => leaksIn(readFileSync(file, "utf8")).length > 0);
  expect(leaks).toEqual([]);
});

test("no hidden test or solution is in the prerendered pages", () => {
  // What Next.js serves as is: prerendered HTML, RSC payloads and their segments, route bodies and metadata.
  const files = filesUnder(path.join(distDir, "server")).filter((file) => /\.(html|rsc|body|meta|prefetch\.rsc|segment\.rsc)$/.test(file));
  expect(files.filter((file) => file.endsWith(".html")).length).toBeGreaterThan(5);
  const leaks = files.filter((file) => leaksIn(readFileSync(file, "utf8")).length > 0);
  expect(leaks).toEqual([]);
});

test("no concept page served by the running app, as HTML or as its RSC payload, holds a hidden test or solution", async ({ request }) => {
  for (const slug of slugs) {
    const html = await request.get(`/concepts/${slug}`);
    expect(html.status(), slug).toBe(200);
    expect(html.headers()["content-type"]).toContain("text/html");
    const page = await html.text();
    // The page really is the concept's (an error page would find nothing too).
    expect(page.replaceAll("&amp;", "&"), slug).toContain(titleOf(slug));
    expect(leaksIn(page), `/concepts/${slug} HTML`).toEqual([]);

    const rsc = await request.get(`/concepts/${slug}`, { headers: { rsc: "1" } });
    expect(rsc.status(), slug).toBe(200);
    expect(rsc.headers()["content-type"]).toContain("text/x-component");
    expect(leaksIn(await rsc.text()), `/concepts/${slug} RSC`).toEqual([]);
  }
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

/**
 * The paths among `urls` whose script is Monaco's: it holds a class name only Monaco's editor
 * core creates (its screen-reader container), and class names survive minification.
 */
async function monacoIn(page: Page, urls: Iterable<string>): Promise<string[]> {
  const found: string[] = [];
  for (const url of urls) if ((await (await page.request.get(url)).text()).includes("monaco-aria-container")) found.push(new URL(url).pathname);
  return found;
}

test("Monaco is not in a lesson's first-load scripts, and no page without an editor fetches it", async ({ page }) => {
  const fetched = new Set<string>();
  page.on("request", (request) => {
    if (/\.js(\?|$)/.test(request.url())) fetched.add(request.url());
  });
  for (const route of ["/", "/cheat-sheet", "/architectures"]) {
    await page.goto(route);
    await page.waitForLoadState("networkidle");
  }
  expect(await monacoIn(page, fetched), "Monaco fetched by a page without an editor").toEqual([]);

  const lesson = await page.goto("/concepts/rate-limiting");
  const firstLoad = [...(await lesson!.text()).matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((match) => new URL(match[1]!, page.url()).href);
  expect(firstLoad.length).toBeGreaterThan(3);
  await expect(page.locator(".monaco-editor").first()).toBeVisible();
  // The marker is real: the editor's own chunk carries it once the editor shows.
  expect(await monacoIn(page, fetched), "the editor's chunk, fetched once the editor shows").not.toEqual([]);
  expect(await monacoIn(page, firstLoad), "Monaco among the lesson's first-load scripts").toEqual([]);
});

test.describe("on a phone, where the challenge sits below the lesson", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("Monaco loads only once the learner scrolls to the challenge", async ({ page }) => {
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (/\.js(\?|$)/.test(request.url())) scripts.push(request.url());
    });
    await page.goto("/concepts/rate-limiting");
    // The learner's part (draft, history) has arrived and the panel is drawn, still off screen.
    await expect(page.getByTestId("editor")).toBeAttached();
    await expect(page.getByTestId("editor")).not.toBeInViewport();
    await page.waitForLoadState("networkidle");
    expect(await monacoIn(page, scripts), "Monaco fetched while the challenge is off screen").toEqual([]);
    await expect(page.locator(".monaco-editor")).toHaveCount(0);

    await page.getByTestId("editor").scrollIntoViewIfNeeded();
    await expect(page.locator(".monaco-editor").first()).toBeVisible();
    expect(await monacoIn(page, scripts), "the editor's chunk, fetched once the challenge is on screen").not.toEqual([]);
  });
});
