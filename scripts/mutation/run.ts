// One challenge's mutation run: generate Stryker's mutants of solution.ts, skip those
// that do not type-check, judge the rest with the hidden suite through the real judge.
import path from "node:path";
import { toJudgeSuite, type Challenge } from "../../lib/content/challenges";
import { readEquivalents } from "./equivalents";
import { generateMutants, type SourceMutant } from "./mutants";
import type { JudgePool } from "./pool";
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
  /** The judge's process died on this mutant (counted as killed); its source, to reproduce the crash. */
  crashed?: true;
  source?: string;
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
  /** Mutants on which the judge's process died (included in killed). */
  crashes: number;
  durationMs: number;
  results: MutantResult[];
}

export class SanityCheckError extends Error {
  override name = "SanityCheckError";
}

export async function runChallenge(challenge: Challenge, pool: JudgePool): Promise<ChallengeResult> {
  const started = performance.now();
  const suite = toJudgeSuite(challenge);

  // Before trusting any number: the suite must pass the reference and reject a hand-written mutant.
  const reference = await pool.judge(suite, challenge.solution);
  if (reference.kind !== "verdict" || reference.verdict !== "passed") {
    const why = reference.kind === "verdict" ? `${reference.verdict}: ${reference.failure}` : reference.message;
    throw new SanityCheckError(`${challenge.id}: the reference solution does not pass its hidden suite (${why})`);
  }
  const handWritten = challenge.mutants[0];
  if (!handWritten) throw new SanityCheckError(`${challenge.id}: no hand-written mutant in mutants/ to check the suite against`);
  const handVerdict = await pool.judge(suite, handWritten.source);
  if (handVerdict.kind !== "verdict" || handVerdict.verdict === "passed") {
    throw new SanityCheckError(`${challenge.id}: the hand-written mutant ${handWritten.name} passes the hidden suite, so a pass means nothing`);
  }

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

  const results = await Promise.all(
    mutants.map(async (mutant, index): Promise<MutantResult> => {
      const typeError = typeErrors[index];
      if (typeError) return { ...describe(mutant), status: "skipped", detail: typeError };
      // The judge's own limits: a mutant times out exactly when a learner's submission would.
      const outcome = await pool.judge(suite, mutant.source);
      if (outcome.kind === "input_error") return { ...describe(mutant), status: "skipped", detail: outcome.message };
      // The judge's host process died: no learner gets a pass from that, but it is a judge bug to report.
      if (outcome.kind === "crashed") return { ...describe(mutant), status: "killed", crashed: true, detail: outcome.message, source: mutant.source };
      const { durationMs, failure } = outcome;
      switch (outcome.verdict) {
        case "passed":
          return { ...describe(mutant), status: "survived", durationMs };
        case "timeout":
          return { ...describe(mutant), status: "timeout", detail: failure, durationMs };
        case "compile_error":
          // esbuild refused what TypeScript accepted: not a mutant a learner could submit.
          return { ...describe(mutant), status: "skipped", detail: failure, durationMs };
        default:
          return { ...describe(mutant), status: "killed", detail: failure, durationMs };
      }
    }),
  );

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
    crashes: results.filter((result) => result.crashed).length,
    durationMs: Math.round(performance.now() - started),
    results,
  };
}
