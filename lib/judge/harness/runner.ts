// Runs registered tests one at a time and reports each outcome through `emit`.
// Shared by the sandbox bootstrap and the native benchmark runner.
import { describeValue, takeFailedAssertion } from "./expect";
import type { RegisteredTest } from "./test-api";

export type HarnessEvent =
  | { type: "plan"; names: string[] }
  | { type: "result"; index: number; name: string; status: "passed" | "failed"; message?: string; durationMs: number }
  | { type: "load-error"; message: string; line?: number; column?: number }
  | { type: "done" };

const dateNow = Date.now;
const stringOf = String;
const ErrorCtor = Error;

/** The message of something thrown, read defensively: learner errors may have hostile getters. */
export function errorMessage(error: unknown): string {
  try {
    if (error instanceof ErrorCtor) {
      const name = stringOf(error.name);
      const message = stringOf(error.message);
      return name === "AssertionError" ? message : `${name}: ${message}`;
    }
    return `threw ${describeValue(error)}`;
  } catch {
    return "threw a value that could not be printed";
  }
}

export async function runTests(tests: RegisteredTest[], emit: (event: HarnessEvent) => void): Promise<void> {
  for (let index = 0; index < tests.length; index++) {
    const current = tests[index];
    if (!current) continue;
    const started = dateNow();
    let status: "passed" | "failed" = "passed";
    let message: string | undefined;
    takeFailedAssertion(); // one left over from an earlier test's late callback is not this test's
    try {
      await current.fn();
      // An assertion that failed inside a callback the learner's code called, and was caught there.
      const swallowed = takeFailedAssertion();
      if (swallowed) {
        status = "failed";
        message = `${errorMessage(swallowed)} (this assertion failed inside a callback and the error was caught before it reached the test)`;
      }
    } catch (error) {
      status = "failed";
      message = errorMessage(error);
    }
    emit({ type: "result", index, name: current.name, status, message, durationMs: dateNow() - started });
  }
  emit({ type: "done" });
}
