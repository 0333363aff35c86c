import "server-only";
import { AppError } from "../app-error";
import { getSubmission, listSubmissions, type SubmissionSummary } from "../db/submissions";
import { verdictForReader } from "../review/service";

/** The learner's own submissions of a challenge, newest first (none without a learner). */
export async function listMySubmissions(options: { learnerId: string | null; challengeId: string }): Promise<SubmissionSummary[]> {
  return options.learnerId ? listSubmissions(options.learnerId, options.challengeId) : [];
}

/** One of the learner's submissions; anyone else's reads as not found. */
export async function getMySubmission(options: { learnerId: string; id: string }) {
  const submission = await getSubmission(options.learnerId, options.id);
  if (!submission) throw new AppError("not_found", "submission not found");
  // Strict mode hides a submit's hidden tests here too; the stored verdict stays whole.
  return { ...submission, result: await verdictForReader(options.learnerId, submission.result, submission.mode) };
}
