import "server-only";
import type { PastAnswer } from "../drill/round";
import { db } from "./client";

export interface DrillRoundRow {
  id: string;
  scenarioIds: string[];
  createdAt: Date;
  finishedAt: Date | null;
  answers: Array<{ scenarioId: string; chosen: string; correct: boolean; answeredAt: Date }>;
}

const roundSelect = {
  id: true,
  scenarioIds: true,
  createdAt: true,
  finishedAt: true,
  answers: { select: { scenarioId: true, chosen: true, correct: true, answeredAt: true }, orderBy: { answeredAt: "asc" } },
} as const;

/** A new round; any round the learner left open is closed first, so only one is ever in progress. */
export async function createRound(learnerId: string, scenarioIds: string[]): Promise<DrillRoundRow> {
  return db().$transaction(async (tx) => {
    await tx.drillRound.updateMany({ where: { learnerId, finishedAt: null }, data: { finishedAt: new Date() } });
    return tx.drillRound.create({ data: { learnerId, scenarioIds }, select: roundSelect });
  });
}

/** One of this learner's rounds; another learner's id reads as not found. */
export async function getRound(learnerId: string, roundId: string): Promise<DrillRoundRow | null> {
  return db().drillRound.findFirst({ where: { id: roundId, learnerId }, select: roundSelect });
}

/** The learner's newest round that is still open, so a reload resumes it. */
export async function openRound(learnerId: string): Promise<DrillRoundRow | null> {
  return db().drillRound.findFirst({ where: { learnerId, finishedAt: null }, orderBy: { createdAt: "desc" }, select: roundSelect });
}

export async function listRounds(learnerId: string, limit = 20): Promise<DrillRoundRow[]> {
  return db().drillRound.findMany({ where: { learnerId }, orderBy: { createdAt: "desc" }, take: limit, select: roundSelect });
}

/** Every answer this learner gave (newest first, capped), for ordering the next round. */
export async function pastAnswers(learnerId: string, limit = 5000): Promise<PastAnswer[]> {
  return db().drillAnswer.findMany({
    where: { round: { learnerId } },
    orderBy: { answeredAt: "desc" },
    take: limit,
    select: { scenarioId: true, correct: true, answeredAt: true },
  });
}

export type RecordAnswerResult = "recorded" | "not_found" | "finished" | "already_answered";

/**
 * Stores an answer unless the round is finished or the scenario already answered.
 * The round row is locked so a concurrent finish cannot slip in between check and insert.
 */
export async function recordAnswer(
  learnerId: string,
  roundId: string,
  answer: { scenarioId: string; chosen: string; correct: boolean },
): Promise<RecordAnswerResult> {
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ finishedAt: Date | null }>>`
      SELECT "finishedAt" FROM "DrillRound" WHERE "id" = ${roundId}::uuid AND "learnerId" = ${learnerId}::uuid FOR UPDATE`;
    const round = rows[0];
    if (!round) return "not_found";
    if (round.finishedAt) return "finished";
    const existing = await tx.drillAnswer.findUnique({ where: { roundId_scenarioId: { roundId, scenarioId: answer.scenarioId } }, select: { roundId: true } });
    if (existing) return "already_answered";
    await tx.drillAnswer.create({ data: { roundId, ...answer } });
    return "recorded";
  });
}

/** Marks the round finished; false when it is not this learner's or was already finished. */
export async function finishRound(learnerId: string, roundId: string): Promise<boolean> {
  const { count } = await db().drillRound.updateMany({ where: { id: roundId, learnerId, finishedAt: null }, data: { finishedAt: new Date() } });
  return count === 1;
}
