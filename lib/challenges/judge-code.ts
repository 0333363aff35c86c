import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "../app-error";
import type { Challenge } from "../content/server-challenges";
import { upsertDraftWithToken } from "../db/drafts";
import { recordJudgedRun, recordNotJudged, type SubmissionSummary } from "../db/submissions";
import { env } from "../env";
import { JUDGE_REQUEST_TIMEOUT_MS } from "../judge/client";
import { DEFAULT_LIMITS, type JudgeMode, type Verdict } from "../judge/verdict";
import { judgeThroughQueue, QueueRefusedError } from "../judge-queue/judge-job";
import { recordJudgeOutcome } from "../metrics/registry";
import { judgeLimit, judgeTokenStatement } from "../rate-limit/judge-limit";
import { recordSubmitCards } from "../review/service";
import { verdictSchema } from "./contract";

/**
 * Runs the learner's code through the judge queue (lib/judge-queue, decision 019) and stores
 * the outcome. Before the queue, one statement saves the draft, takes the run/submit token
 * (so a refused token, a busy queue or no worker never costs the learner their code) and reads
 * strict mode; then one statement enqueues (or refuses: 503 before anything is queued); after
 * the verdict, one stores the submission (once per job) and, for a submit, the attempt (the
 * first pass solves it), while the review cards are written beside it.
 * A caller that stops waiting leaves the job marked not judged and a "not_judged" row.
 */
export async function judgeCode(input: {
  learnerId: string;
  challenge: Challenge;
  mode: JudgeMode;
  code: string;
  /** The caller's request: when the learner goes away, the job is marked not judged. */
  signal?: AbortSignal;
  /** The learner's request id, carried into the worker's log line. */
  requestId?: string;
  /** How long to wait for a verdict (default JUDGE_REQUEST_TIMEOUT_MS). */
  timeoutMs?: number;
}): Promise<{ verdict: Verdict; submission: SubmissionSummary; draftUpdatedAt: Date; timing: JudgeCodeTiming }> {
  const { learnerId, challenge, mode, code } = input;
  const token = judgeTokenStatement(learnerId);
  const t0 = performance.now();
  const draft = await upsertDraftWithToken(learnerId, challenge.id, code, token.statement);
  const t1 = performance.now();
  const limit = judgeLimit(draft.allowed, draft.tokens, token.perMinute);
  if (!limit.allowed) {
    throw new AppError(
      "rate_limited",
      `You have run your code a lot in the last minute. Your draft is saved; try again in ${limit.retryAfterSeconds} s.`,
      { retryAfterSeconds: limit.retryAfterSeconds },
    );
  }
  const jobId = randomUUID();
  const reply = await verdictFromQueue({ id: jobId, learnerId, requestId: input.requestId, challengeId: challenge.id, mode, code }, input);
  const t2 = performance.now();
  if (reply.kind === "not_judged") {
    const submission = await recordNotJudged({ learnerId, challengeId: challenge.id, mode, code, contentHash: challenge.contentHash, jobId, reason: reply.reason });
    recordJudgeOutcome({ mode, verdict: "not_judged", judgeMs: t2 - t1 });
    throw new AppError(
      "unavailable",
      "No judge answered in time, so this run was not judged (it is listed as not judged below). Your draft is saved; try again in a moment.",
      { retryAfterSeconds: 5, details: { notJudged: true, submission } },
    );
  }
  const { verdict } = reply;
  // The submission (with the attempt) and the review cards for the hidden tests touch different
  // tables and neither reads the other: sent at once, they cost one round trip of waiting.
  // The reply is strict mode's variant for a strict learner.
  const [submission, shown] = await Promise.all([
    recordJudgedRun({ learnerId, conceptSlug: challenge.concept, code, verdict, contentHash: challenge.contentHash, jobId }),
    recordSubmitCards({ learnerId, concept: challenge.concept, verdict, strict: draft.strictMode }),
  ]);
  recordJudgeOutcome({ mode, verdict: verdict.verdict, judgeMs: reply.judgeMs, queueWaitMs: reply.queueWaitMs });
  return { verdict: shown, submission, draftUpdatedAt: draft.updatedAt, timing: { databaseMs: t1 - t0 + (performance.now() - t2), judgeMs: t2 - t1 } };
}

/** Where a run's time went in this process: the statements, and the wait from enqueue to verdict. */
export interface JudgeCodeTiming {
  databaseMs: number;
  judgeMs: number;
}

type QueueReply = { kind: "judged"; verdict: Verdict; judgeMs: number; queueWaitMs: number } | { kind: "not_judged"; reason: "timeout" | "aborted" };

async function verdictFromQueue(
  job: Parameters<typeof judgeThroughQueue>[1],
  options: { signal?: AbortSignal; timeoutMs?: number },
): Promise<QueueReply> {
  if (Buffer.byteLength(job.code, "utf8") > DEFAULT_LIMITS.sourceBytes) {
    throw new AppError("too_large", `code is larger than ${DEFAULT_LIMITS.sourceBytes / 1024} KiB`);
  }
  let outcome;
  try {
    outcome = await judgeThroughQueue(env().DATABASE_URL, job, { timeoutMs: options.timeoutMs ?? JUDGE_REQUEST_TIMEOUT_MS, signal: options.signal });
  } catch (error) {
    if (error instanceof QueueRefusedError) {
      throw error.outcome.reason === "no_worker"
        ? new AppError("unavailable", "Judging is unavailable: no judge worker is running. Your draft is saved; try again in a moment.", { retryAfterSeconds: 5 })
        : new AppError("unavailable", "The judge is busy. Your draft is saved; try again in a moment.", { retryAfterSeconds: 2 });
    }
    throw error;
  }
  if (outcome.kind === "not_judged") return outcome;
  // The worker is another process: what it stored is checked before it is stored again or shown.
  const parsed = verdictSchema.safeParse(outcome.result.verdict);
  if (!parsed.success || parsed.data.challengeId !== job.challengeId || parsed.data.mode !== job.mode) {
    console.error("judge worker's verdict is not one for", job.challengeId, job.mode, parsed.success ? "(wrong challenge or mode)" : parsed.error.issues.slice(0, 3));
    throw new AppError("unavailable", "The judge answered something that is not a verdict. Your code is saved; try again.", { retryAfterSeconds: 5 });
  }
  return { kind: "judged", verdict: parsed.data, judgeMs: outcome.result.judgeMs, queueWaitMs: outcome.result.queueWaitMs };
}
