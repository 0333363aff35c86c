import "server-only";
import { randomUUID } from "node:crypto";
import type { Verdict } from "../judge/verdict";
import { db } from "./client";
import { Prisma } from "./generated/client";

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
 * solves the concept): one statement, so one round trip after the judge answers. With a
 * jobId the row is stored once per job, however often the verdict arrives (the unique
 * "jobId" and ON CONFLICT DO NOTHING; the attempt is counted only with the row it belongs to).
 */
export async function recordJudgedRun(input: {
  learnerId: string;
  conceptSlug: string;
  code: string;
  verdict: Verdict;
  contentHash: string;
  jobId?: string;
}): Promise<SubmissionSummary> {
  const { learnerId, verdict } = input;
  const id = randomUUID();
  const now = new Date();
  const jobId = input.jobId ?? null;
  // A data-modifying CTE runs even when the outer query does not read it, so the attempt reads
  // the inserted row (none on a repeat) rather than VALUES; a run counts no attempt.
  const attempt =
    verdict.mode === "submit"
      ? Prisma.sql`, attempt AS (
          INSERT INTO "ConceptProgress" ("learnerId", "conceptSlug", "attempts", "solvedAt", "solvedSubmissionId", "updatedAt")
          SELECT ${learnerId}::uuid, ${input.conceptSlug}, 1, ${verdict.verdict === "passed" ? now : null}, ${verdict.verdict === "passed" ? id : null}::uuid, ${now}
          FROM submission
          ON CONFLICT ("learnerId", "conceptSlug") DO UPDATE
          SET "attempts" = "ConceptProgress"."attempts" + 1,
              "solvedSubmissionId" = CASE WHEN "ConceptProgress"."solvedAt" IS NULL THEN EXCLUDED."solvedSubmissionId" ELSE "ConceptProgress"."solvedSubmissionId" END,
              "solvedAt" = COALESCE("ConceptProgress"."solvedAt", EXCLUDED."solvedAt"),
              "updatedAt" = EXCLUDED."updatedAt"
          RETURNING 1)`
      : Prisma.empty;
  const rows = await db().$queryRaw<SummaryRow[]>`
    WITH submission AS (
      INSERT INTO "Submission" ("id", "learnerId", "challengeId", "mode", "code", "verdict", "passed", "total", "result", "contentHash", "createdAt", "jobId")
      VALUES (${id}::uuid, ${learnerId}::uuid, ${verdict.challengeId}, ${verdict.mode}::"JudgeMode", ${input.code}, ${verdict.verdict}::"VerdictKind",
              ${verdict.passed}, ${verdict.total}, ${JSON.stringify(verdict)}::jsonb, ${input.contentHash}, ${now}, ${jobId}::uuid)
      ON CONFLICT ("jobId") DO NOTHING
      RETURNING "id"::text AS id, "mode"::text AS mode, "verdict"::text AS verdict, "passed", "total", "createdAt"
    )${attempt}
    SELECT * FROM submission`;
  const row = rows[0] ?? (jobId ? await submissionOfJob(learnerId, jobId) : undefined);
  if (!row) throw new Error("recording a submission returned no row");
  return toSummary(row);
}

/**
 * A run or submit whose caller stopped waiting before a judge answered (decision 019): kept as
 * a "not_judged" row of its mode, so the history says so; once per job, like a verdict.
 */
export async function recordNotJudged(input: {
  learnerId: string;
  challengeId: string;
  mode: "run" | "submit";
  code: string;
  contentHash: string;
  jobId: string;
  reason: string;
}): Promise<SubmissionSummary> {
  const rows = await db().$queryRaw<SummaryRow[]>`
    INSERT INTO "Submission" ("id", "learnerId", "challengeId", "mode", "code", "verdict", "passed", "total", "result", "contentHash", "jobId")
    VALUES (${randomUUID()}::uuid, ${input.learnerId}::uuid, ${input.challengeId}, ${input.mode}::"JudgeMode", ${input.code}, 'not_judged',
            0, 0, ${JSON.stringify({ notJudged: input.reason })}::jsonb, ${input.contentHash}, ${input.jobId}::uuid)
    ON CONFLICT ("jobId") DO NOTHING
    RETURNING "id"::text AS id, "mode"::text AS mode, "verdict"::text AS verdict, "passed", "total", "createdAt"`;
  const row = rows[0] ?? (await submissionOfJob(input.learnerId, input.jobId));
  if (!row) throw new Error("recording a not-judged submission returned no row");
  return toSummary(row);
}

type SummaryRow = Omit<SubmissionSummary, "mode" | "verdict"> & { mode: string; verdict: string };

function toSummary(row: SummaryRow): SubmissionSummary {
  return { ...row, mode: row.mode as SubmissionSummary["mode"], verdict: row.verdict as SubmissionSummary["verdict"] };
}

async function submissionOfJob(learnerId: string, jobId: string): Promise<SummaryRow | undefined> {
  const row = await db().submission.findFirst({ where: { jobId, learnerId }, select: summarySelect });
  return row ?? undefined;
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
