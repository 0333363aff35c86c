// A judging process of the mutation run's pool (scripts/mutation/pool.ts). Mutants are
// hostile by accident: a mutated loop can grow an array until V8 aborts the whole
// process, so each runs in a worker the pool can lose and replace without losing the run.
import { judge, JudgeInputError, type ChallengeSuite, type JudgeLimits } from "../../lib/judge";

export interface JudgeRequest {
  id: number;
  /** Sent with every job, so a whole run judges against the suite its sanity check saw. */
  suite: ChallengeSuite;
  source: string;
  limits?: JudgeLimits;
}

export type JudgeReply =
  | { id: number; kind: "verdict"; verdict: string; durationMs: number; failure: string }
  | { id: number; kind: "input_error"; message: string };

process.on("message", (request: JudgeRequest) => {
  void (async () => {
    try {
      const verdict = await judge(request.suite, request.source, "submit", request.limits);
      const failed = verdict.tests.find((test) => test.status === "failed");
      const failure = failed
        ? `${failed.name}${failed.message ? `: ${failed.message.slice(0, 200)}` : ""}`
        : (verdict.diagnostics?.[0]?.message ?? verdict.verdict);
      const reply: JudgeReply = { id: request.id, kind: "verdict", verdict: verdict.verdict, durationMs: verdict.durationMs, failure };
      process.send?.(reply);
    } catch (error) {
      if (!(error instanceof JudgeInputError)) throw error;
      const reply: JudgeReply = { id: request.id, kind: "input_error", message: error.message };
      process.send?.(reply);
    }
  })();
});
// When the pool disconnects, the IPC channel was the last thing keeping this process alive.
