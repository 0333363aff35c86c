import "server-only";
import { AppError } from "../app-error";
import { db } from "./client";

// What one learner can store is bounded, so a script that runs or starts things in a
// loop (within its rate limits) cannot grow the database without end. The newest are
// kept; nothing a learner is still using is dropped: submits (the history they diff)
// keep far more than runs, the solving submission is never deleted, and interviews in
// progress are refused rather than dropped.
export interface StorageCaps {
  runsPerChallenge: number;
  submitsPerChallenge: number;
  interviews: number;
  drillRounds: number;
}

export const STORAGE_CAPS: Readonly<StorageCaps> = {
  /** Runs of the examples kept per challenge (a run is a scratch result). */
  runsPerChallenge: 20,
  /** Submits kept per challenge. */
  submitsPerChallenge: 100,
  /** Interviews kept per learner; the oldest finished ones go first. */
  interviews: 100,
  /** Drill rounds kept per learner. */
  drillRounds: 200,
};

/** Deletes this challenge's runs and submits beyond the newest kept, sparing any submission that solved a concept. */
export async function pruneSubmissions(learnerId: string, challengeId: string, caps: Readonly<StorageCaps> = STORAGE_CAPS): Promise<number> {
  return db().$executeRaw`
    DELETE FROM "Submission" AS s
    USING (
      SELECT "id", ROW_NUMBER() OVER (PARTITION BY "mode" ORDER BY "createdAt" DESC, "id" DESC) AS newest
      FROM "Submission" WHERE "learnerId" = ${learnerId}::uuid AND "challengeId" = ${challengeId} AND "mode" IN ('run', 'submit')
    ) AS ranked
    WHERE s."id" = ranked."id"
      AND ranked.newest > CASE WHEN s."mode" = 'run' THEN ${caps.runsPerChallenge}::int ELSE ${caps.submitsPerChallenge}::int END
      AND NOT EXISTS (SELECT 1 FROM "ConceptProgress" p WHERE p."learnerId" = s."learnerId" AND p."solvedSubmissionId" = s."id")`;
}

/**
 * Makes room for one more interview: deletes the oldest finished interviews beyond
 * the cap; when every kept interview is still in progress, refuses with "conflict".
 */
export async function makeRoomForInterview(learnerId: string, cap: number = STORAGE_CAPS.interviews): Promise<void> {
  await db().$executeRaw`
    DELETE FROM "Interview" WHERE "id" IN (
      SELECT "id" FROM "Interview" WHERE "learnerId" = ${learnerId}::uuid AND "status" = 'finished'
      ORDER BY "createdAt" ASC, "id" ASC
      LIMIT GREATEST(0, (SELECT count(*) FROM "Interview" WHERE "learnerId" = ${learnerId}::uuid) - ${cap - 1}::int)
    )`;
  const unfinished = await db().interview.count({ where: { learnerId, status: { not: "finished" } } });
  if (unfinished >= cap) {
    throw new AppError("conflict", `You have ${unfinished} interviews that are not finished; finish one before starting another.`);
  }
}

/** Deletes this learner's drill rounds beyond the newest kept (one more is about to be created). */
export async function pruneDrillRounds(learnerId: string, cap: number = STORAGE_CAPS.drillRounds): Promise<number> {
  return db().$executeRaw`
    DELETE FROM "DrillRound" WHERE "id" IN (
      SELECT "id" FROM "DrillRound" WHERE "learnerId" = ${learnerId}::uuid
      ORDER BY "createdAt" DESC, "id" DESC OFFSET ${cap - 1}::int
    )`;
}
