import "server-only";
import { randomUUID } from "node:crypto";
import type { Verdict } from "../judge/verdict";
import { db } from "./client";
import { Prisma } from "./generated/client";
import { attemptUpsert } from "./progress";

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

/**
 * Stores a judged run or submit and, for a submit, counts the attempt (the first pass
 * solves the concept): one statement, so one round trip after the judge answers.
 */
export async function recordJudgedRun(input: {
  learnerId: string;
  conceptSlug: string;
  code: string;
  verdict: Verdict;
  contentHash: string;
}): Promise<SubmissionSummary> {
  const { learnerId, verdict } = input;
  const id = randomUUID();
  const now = new Date();
  // A data-modifying CTE runs even when the outer query does not read it; a run counts no attempt.
  const attempt =
    verdict.mode === "submit"
      ? Prisma.sql`, attempt AS (${attemptUpsert(learnerId, input.conceptSlug, { id, passed: verdict.verdict === "passed" })} RETURNING 1)`
      : Prisma.empty;
  const rows = await db().$queryRaw<Array<Omit<SubmissionSummary, "mode" | "verdict"> & { mode: string; verdict: string }>>`
    WITH submission AS (
      INSERT INTO "Submission" ("id", "learnerId", "challengeId", "mode", "code", "verdict", "passed", "total", "result", "contentHash", "createdAt")
      VALUES (${id}::uuid, ${learnerId}::uuid, ${verdict.challengeId}, ${verdict.mode}::"JudgeMode", ${input.code}, ${verdict.verdict}::"VerdictKind",
              ${verdict.passed}, ${verdict.total}, ${JSON.stringify(verdict)}::jsonb, ${input.contentHash}, ${now})
      RETURNING "id"::text AS id, "mode"::text AS mode, "verdict"::text AS verdict, "passed", "total", "createdAt"
    )${attempt}
    SELECT * FROM submission`;
  const row = rows[0];
  if (!row) throw new Error("recording a submission returned no row");
  return { ...row, mode: row.mode as SubmissionSummary["mode"], verdict: row.verdict as SubmissionSummary["verdict"] };
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
