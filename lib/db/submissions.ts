import "server-only";
import type { Verdict } from "../judge/verdict";
import { db } from "./client";

export interface SubmissionSummary {
  id: string;
  /** "draft": not judged, kept when two learners' drafts were merged. */
  mode: "run" | "submit" | "draft";
  verdict: Verdict["verdict"] | "not_judged";
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

/** The learner's most recent submissions across all challenges (the dashboard's activity). */
export async function recentSubmissions(learnerId: string, limit = 10): Promise<Array<SubmissionSummary & { challengeId: string }>> {
  return db().submission.findMany({
    where: { learnerId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { ...summarySelect, challengeId: true },
  });
}

/** Days (UTC, YYYY-MM-DD) on which the learner ran or submitted anything, newest first. */
export async function activeDays(learnerId: string, limit = 400): Promise<string[]> {
  const rows = await db().$queryRaw<Array<{ day: string }>>`
    SELECT DISTINCT to_char(("createdAt" AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day
    FROM "Submission" WHERE "learnerId" = ${learnerId}::uuid AND "mode" <> 'draft'
    ORDER BY day DESC LIMIT ${limit}`;
  return rows.map((row) => row.day);
}
