import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

export const CHALLENGE_DIR = path.join(process.cwd(), "content/concepts/rate-limiting/challenge");
export const solution = () => readFileSync(path.join(CHALLENGE_DIR, "solution.ts"), "utf8");
export const mutant = (name: string) => readFileSync(path.join(CHALLENGE_DIR, "mutants", `${name}.ts`), "utf8");

/** Replaces the editor's content the way a learner pasting code would. */
export async function replaceCode(page: Page, code: string) {
  const editor = page.locator(".monaco-editor").first();
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

export async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const lines = [...document.querySelectorAll(".monaco-editor .view-lines .view-line")];
    return lines.map((line) => line.textContent ?? "").join("\n");
  });
}
