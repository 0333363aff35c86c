import { expect, type Page } from "@playwright/test";

/** Creates an account through the sign-up form (a fresh email each time) and waits for the dashboard to greet it. */
export async function signUpAs(page: Page, name: string, label = "learner"): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(`${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.locator('[data-testid="account-menu"]')).toContainText(name);
}
