import "server-only";
import { saveDraft } from "../db/drafts";
import { recordAttempt } from "../db/progress";
import { recordSubmission, type SubmissionSummary } from "../db/submissions";
import { env } from "../env";
import { HttpError } from "../http/errors";
import { JudgeRejectedError, JudgeUnavailableError, requestVerdict } from "../judge/client";
import type { JudgeMode, Verdict } from "../judge/verdict";
import type { Challenge } from "../content/server-challenges";
import { takeJudgeToken } from "../rate-limit/judge-limit";

/**
 * Runs the learner's code on the judge service and stores the outcome. The draft is
 * saved first, so a judge that is down or busy (or a rate limit) never costs the
 * learner their code. A submit counts as an attempt; the first that passes solves it.
 */
export async function judgeCode(input: {
  learnerId: string;
  challenge: Challenge;
  mode: JudgeMode;
  code: string;
}): Promise<{ verdict: Verdict; submission: SubmissionSummary; draftUpdatedAt: Date }> {
  const { learnerId, challenge, mode, code } = input;
  const { updatedAt: draftUpdatedAt } = await saveDraft(learnerId, challenge.id, code);
  const limit = await takeJudgeToken(learnerId);
  if (!limit.allowed) {
    throw new HttpError(
      429,
      `You have run your code a lot in the last minute. Your draft is saved; try again in ${limit.retryAfterSeconds} s.`,
      { "retry-after": String(limit.retryAfterSeconds) },
    );
  }
  let verdict: Verdict;
  try {
    verdict = await requestVerdict({ url: env().JUDGE_URL, secret: env().JUDGE_SECRET }, { challengeId: challenge.id, mode, code });
  } catch (error) {
    if (error instanceof JudgeUnavailableError) {
      throw new HttpError(503, error.message, { "retry-after": String(error.retryAfterSeconds) });
    }
    if (error instanceof JudgeRejectedError) throw new HttpError(error.status === 413 ? 413 : 400, error.message);
    throw error;
  }
  const submission = await recordSubmission({ learnerId, code, verdict, contentHash: challenge.contentHash });
  if (mode === "submit") {
    await recordAttempt(learnerId, challenge.concept, { id: submission.id, passed: verdict.verdict === "passed" });
  }
  return { verdict, submission, draftUpdatedAt };
}
