// One challenge's mutation run: generate Stryker's mutants of solution.ts, skip those
// that do not type-check, judge the rest with the hidden suite through the real judge.
import path from "node:path";
import type { Challenge } from "../../lib/content/challenges";
import { toJudgeSuite } from "../../lib/content/challenges";
import { DEFAULT_LIMITS, judge, JudgeInputError, type JudgeLimits, type Verdict } from "../../lib/judge";
import { readEquivalents } from "./equivalents";
import { generateMutants, type SourceMutant } from "./mutants";
import { createMutantChecker } from "./typecheck";

export type MutantStatus = "killed" | "timeout" | "survived" | "equivalent" | "skipped";

export interface MutantResult {
  key: string;
  mutatorName: string;
  line: number;
  column: number;
  replacement: string;
  status: MutantStatus;
  /** Why: the type error that skipped it, the first hidden test that failed, or the equivalence reason. */
  detail?: string;
  durationMs?: number;
}

export interface ChallengeResult {
  id: string;
  mutants: number;
  compiled: number;
  skipped: number;
  killed: number;
  timeouts: number;
  survived: number;
  equivalent: number;
  /** Killed (timeouts included) over compiled mutants that are not listed as equivalent, in percent. */
  score: number;
  /** Entries of equivalent-mutants.md that match no surviving mutant (killed now, or gone). */
  staleEquivalents: string[];
  durationMs: number;
  results: MutantResult[];
}

export class SanityCheckError extends Error {
  override name = "SanityCheckError";
}

function firstFailure(verdict: Verdict): string {
  const failed = verdict.tests.find((test) => test.status === "failed");
  if (failed) return `${failed.name}${failed.message ? `: ${failed.message.slice(0, 200)}` : ""}`;
  return verdict.diagnostics?.[0]?.message ?? verdict.verdict;
}

/** Runs `work` over `items` with at most `limit` in flight, keeping the input order in the output. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  });
  await Promise.all(lanes);
  return results;
}

export interface RunOptions {
  concurrency: number;
  onMutantJudged?: () => void;
}

export async function runChallenge(challenge: Challenge, options: RunOptions): Promise<ChallengeResult> {
  const started = performance.now();
  const suite = toJudgeSuite(challenge);

  // Before trusting any number: the suite must pass the reference and reject a hand-written mutant.
  const reference = await judge(suite, challenge.solution, "submit");
  if (reference.verdict !== "passed") {
    throw new SanityCheckError(`${challenge.id}: the reference solution does not pass its hidden suite (${reference.verdict}: ${firstFailure(reference)})`);
  }
  const handWritten = challenge.mutants[0];
  if (!handWritten) throw new SanityCheckError(`${challenge.id}: no hand-written mutant in mutants/ to check the suite against`);
  const handVerdict = await judge(suite, handWritten.source, "submit");
  if (handVerdict.verdict === "passed") {
    throw new SanityCheckError(`${challenge.id}: the hand-written mutant ${handWritten.name} passes the hidden suite, so a pass means nothing`);
  }

  // A budget scaled to the reference: a mutant that loops forever costs about a second, not
  // the judge's full 4 s, while one merely several times slower than the reference still finishes.
  const cpuMs = Math.min(DEFAULT_LIMITS.cpuMs, Math.max(1000, 20 * reference.durationMs));
  const limits: JudgeLimits = { ...DEFAULT_LIMITS, cpuMs, wallMs: 2 * cpuMs };

  const solutionFile = path.join(challenge.dir, "solution.ts");
  const mutants = await generateMutants(solutionFile, challenge.solution);
  const checker = createMutantChecker(challenge.dir);
  const referenceTypeError = checker.check(challenge.solution);
  if (referenceTypeError) throw new SanityCheckError(`${challenge.id}: the reference solution does not type-check: ${referenceTypeError}`);

  const describe = (mutant: SourceMutant) => ({
    key: mutant.key,
    mutatorName: mutant.mutatorName,
    line: mutant.line,
    column: mutant.column,
    replacement: mutant.replacement,
  });
  const typeErrors = mutants.map((mutant) => checker.check(mutant.source));

  const results = await mapConcurrently(mutants, options.concurrency, async (mutant, index): Promise<MutantResult> => {
    const typeError = typeErrors[index];
    if (typeError) return { ...describe(mutant), status: "skipped", detail: typeError };
    let verdict: Verdict;
    try {
      verdict = await judge(suite, mutant.source, "submit", limits);
    } catch (error) {
      if (error instanceof JudgeInputError) return { ...describe(mutant), status: "skipped", detail: error.message };
      throw error;
    } finally {
      options.onMutantJudged?.();
    }
    const durationMs = verdict.durationMs;
    switch (verdict.verdict) {
      case "passed":
        return { ...describe(mutant), status: "survived", durationMs };
      case "timeout":
        return { ...describe(mutant), status: "timeout", detail: firstFailure(verdict), durationMs };
      case "compile_error":
        // esbuild refused what TypeScript accepted: not a mutant a learner could submit.
        return { ...describe(mutant), status: "skipped", detail: firstFailure(verdict), durationMs };
      default:
        return { ...describe(mutant), status: "killed", detail: firstFailure(verdict), durationMs };
    }
  });

  const equivalents = new Map(readEquivalents(challenge.dir).map((entry) => [entry.key, entry]));
  const matched = new Set<string>();
  for (const result of results) {
    const entry = equivalents.get(result.key);
    if (result.status === "survived" && entry) {
      result.status = "equivalent";
      result.detail = entry.reason;
      matched.add(entry.key);
    }
  }
  const count = (status: MutantStatus) => results.filter((result) => result.status === status).length;
  const skipped = count("skipped");
  const killed = count("killed");
  const timeouts = count("timeout");
  const survived = count("survived");
  const equivalent = count("equivalent");
  const compiled = mutants.length - skipped;
  const scored = compiled - equivalent;
  return {
    id: challenge.id,
    mutants: mutants.length,
    compiled,
    skipped,
    killed,
    timeouts,
    survived,
    equivalent,
    score: scored === 0 ? 100 : (100 * (killed + timeouts)) / scored,
    staleEquivalents: [...equivalents.keys()].filter((key) => !matched.has(key)),
    durationMs: Math.round(performance.now() - started),
    results,
  };
}
