import "server-only";
import type { Verdict } from "../judge/verdict";
import { db } from "./client";

export interface SubmissionSummary {
  id: string;
  mode: "run" | "submit";
  verdict: Verdict["verdict"];
  passed: number;
  total: number;
  createdAt: Date;
}

const summarySelect = { id: true, mode: true, verdict: true, passed: true, total: true, createdAt: true } as const;

export async function recordSubmission(input: {
  learnerId: string;
  code: string;
  verdict: Verdict;
  contentHash: string;
}): Promise<SubmissionSummary> {
  const { verdict } = input;
  return db().submission.create({
    data: {
      learnerId: input.learnerId,
      challengeId: verdict.challengeId,
      mode: verdict.mode,
      code: input.code,
      verdict: verdict.verdict,
      passed: verdict.passed,
      total: verdict.total,
      result: verdict as unknown as object,
      contentHash: input.contentHash,
    },
    select: summarySelect,
  });
}

export async function listSubmissions(learnerId: string, challengeId: string, limit = 50): Promise<SubmissionSummary[]> {
  return db().submission.findMany({
    where: { learnerId, challengeId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: summarySelect,
  });
}

/** One submission of this learner's; another learner's id reads as not found. */
export async function getSubmission(learnerId: string, id: string) {
  return db().submission.findFirst({
    where: { id, learnerId },
    select: { ...summarySelect, challengeId: true, code: true, result: true, contentHash: true },
  });
}
