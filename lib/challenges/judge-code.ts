import "server-only";
import { saveDraft } from "../db/drafts";
import { recordSubmission, type SubmissionSummary } from "../db/submissions";
import { env } from "../env";
import { HttpError } from "../http/errors";
import { JudgeRejectedError, JudgeUnavailableError, requestVerdict } from "../judge/client";
import type { JudgeMode, Verdict } from "../judge/verdict";
import type { Challenge } from "../content/server-challenges";

/**
 * Runs the learner's code on the judge service and stores the outcome. The draft is
 * saved first, so a judge that is down or busy never costs the learner their code.
 */
export async function judgeCode(input: {
  learnerId: string;
  challenge: Challenge;
  mode: JudgeMode;
  code: string;
}): Promise<{ verdict: Verdict; submission: SubmissionSummary }> {
  const { learnerId, challenge, mode, code } = input;
  await saveDraft(learnerId, challenge.id, code);
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
  return { verdict, submission };
}
