import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

export const CHALLENGE_DIR = path.join(process.cwd(), "content/concepts/rate-limiting/challenge");
export const solution = () => readFileSync(path.join(CHALLENGE_DIR, "solution.ts"), "utf8");
export const mutant = (name: string) => readFileSync(path.join(CHALLENGE_DIR, "mutants", `${name}.ts`), "utf8");

/**
 * Replaces the editor's content the way a learner pasting code would: a real paste
 * event on Monaco's input, so the text lands verbatim (typing it would auto-indent
 * and auto-close brackets).
 */
export async function replaceCode(page: Page, code: string) {
  const editor = page.locator(".monaco-editor").first();
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.evaluate((text) => {
    const input = document.activeElement;
    if (!input) throw new Error("the editor has no focused input");
    const data = new DataTransfer();
    data.setData("text/plain", text);
    input.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, code);
  // After a paste the cursor, and so the viewport, is at the end: the last line is rendered.
  const lastLine = code.split("\n").findLast((line) => line.trim().length > 0)?.trim().slice(0, 30) ?? "";
  await expect(page.locator(".monaco-editor .view-lines").first()).toContainText(lastLine);
}
