// The mutation run's judging pool: the judge pool of lib/judge/pool.ts (child processes,
// one job each at a time), with the outcomes the run counts. Mutants are hostile by
// accident: a mutated loop can grow an array until V8 aborts the whole process; such a
// job yields "crashed" and its child is replaced, so one mutant cannot end the run.
import type { ChallengeSuite, JudgeLimits } from "../../lib/judge";
import { JudgeInputError } from "../../lib/judge";
import { createJudgePool, JudgeProcessDiedError, type JudgePool as ChildPool } from "../../lib/judge/pool";

export type JudgeOutcome =
  | { id: number; kind: "verdict"; verdict: string; durationMs: number; failure: string }
  | { id: number; kind: "input_error"; message: string }
  | { id: number; kind: "crashed"; message: string };

export class JudgePool {
  private readonly pool: ChildPool;
  private nextId = 0;

  constructor(size: number) {
    this.pool = createJudgePool({ size });
  }

  /** Judges `source` against exactly this suite (sent with the job: the one the run's sanity check saw). */
  async judge(suite: ChallengeSuite, source: string, limits?: JudgeLimits): Promise<JudgeOutcome> {
    const id = this.nextId++;
    try {
      const verdict = await this.pool.run({ challengeId: suite.id, suite, mode: "submit", code: source }, limits ? { limits } : {});
      const failed = verdict.tests.find((test) => test.status === "failed");
      const failure = failed
        ? `${failed.name}${failed.message ? `: ${failed.message.slice(0, 200)}` : ""}`
        : (verdict.diagnostics?.[0]?.message ?? verdict.verdict);
      return { id, kind: "verdict", verdict: verdict.verdict, durationMs: verdict.durationMs, failure };
    } catch (error) {
      if (error instanceof JudgeInputError) return { id, kind: "input_error", message: error.message };
      if (error instanceof JudgeProcessDiedError) return { id, kind: "crashed", message: error.message };
      throw error;
    }
  }

  /** Ends every judging process. */
  close(): Promise<void> {
    return this.pool.close();
  }
}
