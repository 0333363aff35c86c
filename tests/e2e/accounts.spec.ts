// Accounts end to end: work done anonymously follows the learner into a new account,
// to another browser, and the submission history compares any two submissions.
import { expect, test, type Page } from "@playwright/test";
import { mutant, replaceCode, solution } from "./helpers";

const PASSWORD = "a long enough password";
const uniqueEmail = (label: string) => `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;

async function signUp(page: Page, email: string, name = "Learner") {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}

test.describe("accounts", () => {
  test("solve as anonymous, sign up, and the dashboard counts it", async ({ page }) => {
    await page.goto("/concepts/rate-limiting");
    await replaceCode(page, solution());
    await page.keyboard.press("ControlOrMeta+Shift+Enter");
    await expect(page.getByRole("region", { name: "Result" })).toHaveAttribute("data-verdict", "passed");

    await signUp(page, uniqueEmail("solver"), "Solver");
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Solver");
    await expect(page.getByTestId("solved-count")).toHaveText(/^1 of \d+$/);
    await expect(page.locator('a[data-concept="rate-limiting"]')).toHaveAttribute("data-state", "solved");
    await expect(page.getByTestId("recent-activity")).toContainText("passed");
    // The lesson page shows it too, and the draft came along.
    await page.goto("/concepts/rate-limiting");
    await expect(page.getByTestId("lesson-progress")).toContainText("Challenge solved");
    // Signed out, this browser shows nothing of the account.
    await page.goto("/sign-out");
    // The page's own button: the account menu, which arrives after the page, has one too.
    await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.goto("/dashboard");
    await expect(page.getByTestId("solved-count")).toHaveText(/^0 of \d+$/);
  });

  test("a second browser signs in and finds the draft; a taken email and a wrong password are explained", async ({ page, browser }) => {
    const email = uniqueEmail("drafter");
    const marker = `// cross-device marker ${Date.now()}`;
    await page.goto("/concepts/rate-limiting");
    await replaceCode(page, `${marker}\nexport {};\n`);
    await expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved");
    await signUp(page, email);
    await expect(page).toHaveURL(/\/dashboard$/);

    const other = await browser.newContext();
    const second = await other.newPage();
    await signUp(second, email);
    await expect(second.getByTestId("auth-error")).toContainText("already exists");
    await second.goto("/sign-in");
    await second.getByLabel("Email").fill(email);
    await second.getByLabel("Password").fill("not the password at all");
    await second.getByRole("button", { name: "Sign in" }).click();
    await expect(second.getByTestId("auth-error")).toContainText("do not match");
    await second.getByLabel("Password").fill(PASSWORD);
    await second.getByRole("button", { name: "Sign in" }).click();
    await expect(second).toHaveURL(/\/dashboard$/);
    await second.goto("/concepts/rate-limiting");
    await expect(second.locator(".monaco-editor .view-lines")).toContainText(marker);
    await other.close();
  });

  test("the history compares two submissions side by side", async ({ page }) => {
    // Monaco's workers and the theme script must run under the Content-Security-Policy.
    const blocked: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    await page.goto("/concepts/rate-limiting");
    await replaceCode(page, mutant("token-bucket-overfills"));
    await page.getByRole("button", { name: "Submit" }).click();
    const result = page.getByRole("region", { name: "Result" });
    await expect(result).toHaveAttribute("data-verdict", "failed");
    await replaceCode(page, solution());
    await page.getByRole("button", { name: "Submit" }).click();
    await expect(result).toHaveAttribute("data-verdict", "passed");

    const rows = page.getByTestId("submissions").locator("li");
    await expect(rows).toHaveCount(2);
    await rows.nth(0).getByRole("checkbox").check();
    await rows.nth(1).getByRole("checkbox").check();
    await page.getByRole("button", { name: "Compare the two picked" }).click();
    const diff = page.getByTestId("submission-diff");
    await expect(diff.locator(".monaco-diff-editor")).toBeVisible();
    await expect(diff.locator(".editor.original .view-lines")).not.toBeEmpty();
    await expect(diff.locator(".editor.modified .view-lines")).not.toBeEmpty();
    expect(blocked).toEqual([]);
  });

  test("a script signs up, reads its progress, downloads its data and deletes the account", async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL });
    const email = uniqueEmail("script");
    expect((await api.post("/api/auth/sign-up/email", { data: { email, password: PASSWORD, name: "Script" } })).status()).toBe(200);
    expect((await api.post("/api/challenges/rate-limiting/limiters/submit", { data: { code: solution() } })).status()).toBe(200);
    const progress = await (await api.get("/api/progress")).json();
    expect(progress.totals.solved).toBe(1);
    const exported = await (await api.get("/api/me/export")).json();
    expect(exported.account.email).toBe(email);
    expect(exported.learner.submissions).toHaveLength(1);
    expect((await api.get("/api/submissions/not-a-uuid")).status()).toBe(400);
    // A write from another site is refused; from the learner, it deletes everything.
    expect((await api.delete("/api/me", { headers: { origin: "http://evil.example" } })).status()).toBe(403);
    expect((await api.delete("/api/me")).status()).toBe(204);
    expect((await api.post("/api/auth/sign-in/email", { data: { email, password: PASSWORD } })).status()).toBe(401);
    await api.dispose();
  });
});
