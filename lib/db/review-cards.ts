import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "./client";
import { Prisma } from "./generated/client";
import type { FsrsState } from "../review/scheduler";

// Spaced-review cards and their logs (lib/review). Every read and write takes the learner,
// so another learner's card id finds nothing.

export interface ReviewCardSpec {
  sourceKind: string;
  sourceKey: string;
  conceptSlug: string;
  payload?: Record<string, string | number>;
  concealed?: boolean;
}

export interface ReviewCardRef {
  sourceKind: string;
  sourceKey: string;
}

/** The FSRS state is stored column for column as the scheduler defines it. */
export type FsrsColumns = FsrsState;

export interface ReviewCardRow extends FsrsColumns {
  id: string;
  sourceKind: string;
  sourceKey: string;
  conceptSlug: string;
  payload: unknown;
  concealed: boolean;
  version: number;
  createdAt: Date;
  retiredAt: Date | null;
}

const cardSelect = {
  id: true,
  sourceKind: true,
  sourceKey: true,
  conceptSlug: true,
  payload: true,
  concealed: true,
  version: true,
  createdAt: true,
  retiredAt: true,
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
} as const;

/**
 * Makes the cards that do not exist yet, new and due at `now` (ts-fsrs's empty card is the
 * columns' defaults), in one statement. A retired card made again comes back, due at
 * `now`, with its history; a live one keeps its schedule and takes the new payload. A card
 * stays visible once visible (concealed only while every making of it was strict).
 */
export async function makeCards(learnerId: string, specs: ReviewCardSpec[], now: Date): Promise<void> {
  if (specs.length === 0) return;
  const rows = specs.map(
    (spec) =>
      Prisma.sql`(${randomUUID()}::uuid, ${learnerId}::uuid, ${spec.sourceKind}, ${spec.sourceKey}, ${spec.conceptSlug}, ${spec.payload ? JSON.stringify(spec.payload) : null}::jsonb, ${spec.concealed ?? false}, ${now}, ${now})`,
  );
  await db().$executeRaw`
    INSERT INTO "ReviewCard" ("id", "learnerId", "sourceKind", "sourceKey", "conceptSlug", "payload", "concealed", "due", "createdAt")
    VALUES ${Prisma.join(rows)}
    ON CONFLICT ("learnerId", "sourceKind", "sourceKey") DO UPDATE SET
      "payload" = COALESCE(EXCLUDED."payload", "ReviewCard"."payload"),
      "concealed" = CASE WHEN "ReviewCard"."retiredAt" IS NOT NULL THEN EXCLUDED."concealed" ELSE "ReviewCard"."concealed" AND EXCLUDED."concealed" END,
      "due" = CASE WHEN "ReviewCard"."retiredAt" IS NOT NULL THEN EXCLUDED."due" ELSE "ReviewCard"."due" END,
      "version" = "ReviewCard"."version" + CASE WHEN "ReviewCard"."retiredAt" IS NOT NULL THEN 1 ELSE 0 END,
      "retiredAt" = NULL
    WHERE "ReviewCard"."retiredAt" IS NOT NULL OR EXCLUDED."payload" IS NOT NULL`;
}

/** Retires the live cards named; their history stays. */
export async function retireCards(learnerId: string, refs: ReviewCardRef[], now: Date): Promise<number> {
  if (refs.length === 0) return 0;
  const keys = refs.map((ref) => Prisma.sql`(${ref.sourceKind}, ${ref.sourceKey})`);
  return db().$executeRaw`
    UPDATE "ReviewCard" SET "retiredAt" = ${now}, "version" = "version" + 1
    WHERE "learnerId" = ${learnerId}::uuid AND "retiredAt" IS NULL AND ("sourceKind", "sourceKey") IN (${Prisma.join(keys)})`;
}

/** Leaving strict mode: the concealed cards show, and the cards without names retire. */
export async function revealConcealedCards(learnerId: string, now: Date): Promise<void> {
  await db().$transaction([
    db().reviewCard.updateMany({ where: { learnerId, concealed: true }, data: { concealed: false, version: { increment: 1 } } }),
    db().reviewCard.updateMany({ where: { learnerId, sourceKind: "strict_failure", retiredAt: null }, data: { retiredAt: now, version: { increment: 1 } } }),
  ]);
}

/** The cards in review: not retired, not concealed. */
export async function listLiveCards(learnerId: string): Promise<ReviewCardRow[]> {
  return db().reviewCard.findMany({ where: { learnerId, retiredAt: null, concealed: false }, select: cardSelect, orderBy: [{ due: "asc" }, { createdAt: "asc" }] });
}

/** Every card of the learner, live or not (tests and the strict-mode switch read it). */
export async function listAllCards(learnerId: string): Promise<ReviewCardRow[]> {
  return db().reviewCard.findMany({ where: { learnerId }, select: cardSelect, orderBy: { createdAt: "asc" } });
}

export async function liveKeysOfKind(learnerId: string, sourceKind: string): Promise<string[]> {
  const rows = await db().reviewCard.findMany({ where: { learnerId, sourceKind, retiredAt: null }, select: { sourceKey: true } });
  return rows.map((row) => row.sourceKey);
}

export async function findCard(learnerId: string, cardId: string): Promise<ReviewCardRow | null> {
  return db().reviewCard.findFirst({ where: { id: cardId, learnerId }, select: cardSelect });
}

export type GradeResult = { kind: "graded"; card: ReviewCardRow } | { kind: "stale"; version: number } | { kind: "not_found" };

/**
 * Stores a grade: the new FSRS state if the card still has `version` (one conditional
 * UPDATE, so two tabs grading together count once), and its log, in one transaction.
 */
export async function storeGrade(
  learnerId: string,
  cardId: string,
  version: number,
  next: FsrsColumns,
  log: { grade: number; state: number; reviewedAt: Date },
): Promise<GradeResult> {
  return db().$transaction(async (tx) => {
    const updated = await tx.reviewCard.updateMany({
      where: { id: cardId, learnerId, version, retiredAt: null, concealed: false },
      data: { ...next, version: { increment: 1 } },
    });
    if (updated.count === 0) {
      const current = await tx.reviewCard.findFirst({ where: { id: cardId, learnerId, retiredAt: null, concealed: false }, select: { version: true } });
      return current ? { kind: "stale", version: current.version } : { kind: "not_found" };
    }
    await tx.reviewLog.create({
      data: { cardId, learnerId, grade: log.grade, state: log.state, reviewedAt: log.reviewedAt, due: next.due, scheduledDays: next.scheduledDays, stability: next.stability, difficulty: next.difficulty },
    });
    const card = await tx.reviewCard.findFirstOrThrow({ where: { id: cardId, learnerId }, select: cardSelect });
    return { kind: "graded", card };
  });
}

export async function listReviewLogs(learnerId: string, cardId?: string) {
  return db().reviewLog.findMany({
    where: { learnerId, ...(cardId ? { cardId } : {}) },
    select: { cardId: true, grade: true, state: true, reviewedAt: true, due: true, scheduledDays: true, stability: true, difficulty: true },
    orderBy: { reviewedAt: "asc" },
  });
}

export async function getStrictMode(learnerId: string): Promise<boolean> {
  const row = await db().learner.findUnique({ where: { id: learnerId }, select: { strictMode: true } });
  return row?.strictMode ?? false;
}

/** Sets the flag; answers what it was before. */
export async function setStrictMode(learnerId: string, strict: boolean): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ strictMode: boolean }>>`SELECT "strictMode" FROM "Learner" WHERE "id" = ${learnerId}::uuid FOR UPDATE`;
    await tx.learner.update({ where: { id: learnerId }, data: { strictMode: strict } });
    return rows[0]?.strictMode ?? false;
  });
}

/** The verdict of the learner's most recent design check, with its interview's prompt. */
export async function lastDesignCheck(learnerId: string): Promise<{ prompt: string; verdict: unknown; checkedAt: Date } | null> {
  const row = await db().interviewBoard.findFirst({
    where: { interview: { learnerId }, checkedAt: { not: null } },
    orderBy: { checkedAt: "desc" },
    select: { checkVerdict: true, checkedAt: true, interview: { select: { prompt: true } } },
  });
  if (!row || !row.checkedAt || row.checkVerdict === null) return null;
  return { prompt: row.interview.prompt, verdict: row.checkVerdict, checkedAt: row.checkedAt };
}

/**
 * Account merge (called inside lib/db/learners.ts's transaction): the anonymous learner's
 * cards and logs move to the account's learner. Where both hold a card for the same source,
 * the one reviewed last keeps its schedule and both histories go to it. Strict mode stays on
 * if either had it on.
 */
export async function mergeReviewCards(tx: Prisma.TransactionClient, sourceId: string, targetId: string): Promise<void> {
  // Pairs of the same source: `keep` is the one reviewed last (never reviewed counts oldest).
  await tx.$executeRaw`
    CREATE TEMP TABLE "_review_pairs" ON COMMIT DROP AS
    SELECT CASE WHEN COALESCE(s."lastReview", 'epoch') > COALESCE(t."lastReview", 'epoch') THEN s."id" ELSE t."id" END AS keep,
           CASE WHEN COALESCE(s."lastReview", 'epoch') > COALESCE(t."lastReview", 'epoch') THEN t."id" ELSE s."id" END AS drop
    FROM "ReviewCard" s JOIN "ReviewCard" t ON t."learnerId" = ${targetId}::uuid AND t."sourceKind" = s."sourceKind" AND t."sourceKey" = s."sourceKey"
    WHERE s."learnerId" = ${sourceId}::uuid`;
  await tx.$executeRaw`UPDATE "ReviewLog" l SET "cardId" = p.keep FROM "_review_pairs" p WHERE l."cardId" = p.drop`;
  await tx.$executeRaw`DELETE FROM "ReviewCard" c USING "_review_pairs" p WHERE c."id" = p.drop`;
  await tx.$executeRaw`DROP TABLE "_review_pairs"`;
  await tx.reviewCard.updateMany({ where: { learnerId: sourceId }, data: { learnerId: targetId } });
  await tx.reviewLog.updateMany({ where: { learnerId: sourceId }, data: { learnerId: targetId } });
  const source = await tx.learner.findUnique({ where: { id: sourceId }, select: { strictMode: true } });
  if (source?.strictMode) await tx.learner.update({ where: { id: targetId }, data: { strictMode: true } });
}
