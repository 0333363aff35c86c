// Strict mode's variant of the verdict JSON (docs/ARCHITECTURE.md, "Strict mode"): what a
// submit answers over HTTP to a learner in strict mode. No server-only imports.
import type { Verdict } from "../judge/verdict";

export type StrictVerdict = Verdict & { strict: true };

/**
 * The verdict and the pass count only: no test names, no messages, no console output
 * (which could print a hidden test's inputs). Compile errors keep their diagnostics, which
 * are about the learner's code alone. Runs (the examples) are never redacted.
 */
export function strictVerdict(verdict: Verdict): Verdict | StrictVerdict {
  if (verdict.mode !== "submit") return verdict;
  const { diagnostics, ...rest } = verdict;
  return {
    ...rest,
    tests: [],
    logs: "",
    ...(verdict.verdict === "compile_error" && diagnostics ? { diagnostics } : {}),
    strict: true,
  };
}
