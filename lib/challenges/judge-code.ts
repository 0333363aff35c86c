import "server-only";
import { AppError } from "../app-error";
import type { Challenge } from "../content/server-challenges";
import { upsertDraftWithToken } from "../db/drafts";
import { recordJudgedRun, type SubmissionSummary } from "../db/submissions";
import { env } from "../env";
import { JudgeRejectedError, JudgeUnavailableError, requestVerdict } from "../judge/client";
import type { JudgeMode, Verdict } from "../judge/verdict";
import { judgeLimit, judgeTokenStatement } from "../rate-limit/judge-limit";
import { recordSubmitCards } from "../review/service";
import { verdictSchema } from "./contract";

/**
 * Runs the learner's code on the judge service and stores the outcome. Two statements:
 * before the judge, the draft save and the run/submit token together (so a refused
 * token, or a judge that is down or busy, never costs the learner their code); after
 * it, the submission and, for a submit, the attempt (the first pass solves it).
 */
export async function judgeCode(input: {
  learnerId: string;
  challenge: Challenge;
  mode: JudgeMode;
  code: string;
  /** The caller's request: when the learner goes away, the judge drops or stops the job. */
  signal?: AbortSignal;
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
  const verdict = await verdictFromJudge(challenge.id, mode, code, input.signal);
  const t2 = performance.now();
  const submission = await recordJudgedRun({ learnerId, conceptSlug: challenge.concept, code, verdict, contentHash: challenge.contentHash });
  // Review cards for the hidden tests it failed; the reply is strict mode's variant for a strict learner.
  const shown = await recordSubmitCards({ learnerId, concept: challenge.concept, verdict });
  return { verdict: shown, submission, draftUpdatedAt: draft.updatedAt, timing: { databaseMs: t1 - t0 + (performance.now() - t2), judgeMs: t2 - t1 } };
}

/** Where a run's time went in this process: the two statements, and the judge service's answer over loopback. */
export interface JudgeCodeTiming {
  databaseMs: number;
  judgeMs: number;
}

async function verdictFromJudge(challengeId: string, mode: JudgeMode, code: string, signal?: AbortSignal): Promise<Verdict> {
  let reply: unknown;
  try {
    reply = await requestVerdict({ url: env().JUDGE_URL, secret: env().JUDGE_SECRET }, { challengeId, mode, code }, { signal });
  } catch (error) {
    if (error instanceof JudgeUnavailableError) throw new AppError("unavailable", error.message, { retryAfterSeconds: error.retryAfterSeconds });
    if (error instanceof JudgeRejectedError) throw new AppError(error.status === 413 ? "too_large" : "bad_request", error.message);
    throw error;
  }
  // The judge is another process: what it answers is checked before it is stored or shown.
  const parsed = verdictSchema.safeParse(reply);
  if (!parsed.success || parsed.data.challengeId !== challengeId || parsed.data.mode !== mode) {
    console.error("judge reply is not a verdict for", challengeId, mode, parsed.success ? "(wrong challenge or mode)" : parsed.error.issues.slice(0, 3));
    throw new AppError("unavailable", "The judge answered something that is not a verdict. Your code is saved; try again.", { retryAfterSeconds: 5 });
  }
  return parsed.data;
}
