import "server-only";
import { AppError } from "../app-error";
import type { Challenge } from "../content/server-challenges";
import { upsertDraft } from "../db/drafts";
import { pruneSubmissions } from "../db/storage-caps";
import { recordJudgedRun, type SubmissionSummary } from "../db/submissions";
import { env } from "../env";
import { JudgeRejectedError, JudgeUnavailableError, requestVerdict } from "../judge/client";
import type { JudgeMode, Verdict } from "../judge/verdict";
import { takeJudgeToken } from "../rate-limit/judge-limit";
import { verdictSchema } from "./contract";

/**
 * Runs the learner's code on the judge service and stores the outcome. The draft is
 * saved whatever happens, so a judge that is down or busy (or a rate limit) never costs
 * the learner their code; it is saved beside the token and the judge rather than
 * before them, and awaited before any answer. A submit counts as an attempt; the first
 * that passes solves it. Database work on the way: one statement before the judge (the
 * token), one after (submission and attempt together).
 */
export async function judgeCode(input: {
  learnerId: string;
  challenge: Challenge;
  mode: JudgeMode;
  code: string;
}): Promise<{ verdict: Verdict; submission: SubmissionSummary; draftUpdatedAt: Date }> {
  const { learnerId, challenge, mode, code } = input;
  const [draft, judged] = await Promise.allSettled([upsertDraft(learnerId, challenge.id, code), limitedVerdict(learnerId, challenge.id, mode, code)]);
  if (draft.status === "rejected") throw draft.reason;
  if (judged.status === "rejected") throw judged.reason;
  const verdict = judged.value;
  const submission = await recordJudgedRun({ learnerId, conceptSlug: challenge.concept, code, verdict, contentHash: challenge.contentHash });
  // Bounded history: the newest runs and submits of this challenge are kept (lib/db/storage-caps.ts).
  await pruneSubmissions(learnerId, challenge.id);
  return { verdict, submission, draftUpdatedAt: draft.value };
}

async function limitedVerdict(learnerId: string, challengeId: string, mode: JudgeMode, code: string): Promise<Verdict> {
  const limit = await takeJudgeToken(learnerId);
  if (!limit.allowed) {
    throw new AppError(
      "rate_limited",
      `You have run your code a lot in the last minute. Your draft is saved; try again in ${limit.retryAfterSeconds} s.`,
      { retryAfterSeconds: limit.retryAfterSeconds },
    );
  }
  let reply: unknown;
  try {
    reply = await requestVerdict({ url: env().JUDGE_URL, secret: env().JUDGE_SECRET }, { challengeId, mode, code });
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
