import "server-only";
import { db } from "./client";
import { mergeReviewCards } from "./review-cards";

/** Creates an anonymous learner; the id goes into a signed cookie. */
export async function createLearner(): Promise<{ id: string }> {
  return db().learner.create({ data: {}, select: { id: true } });
}

/** True when the learner exists (a cookie may outlive a wiped database). */
export async function learnerExists(id: string): Promise<boolean> {
  const found = await db().learner.findUnique({ where: { id }, select: { id: true } });
  return found !== null;
}

/** The learner a cookie may stand for without a session: it must exist and belong to no account. */
export async function anonymousLearnerExists(id: string): Promise<boolean> {
  const found = await db().learner.findFirst({ where: { id, userId: null }, select: { id: true } });
  return found !== null;
}

/** The account's learner, created on first use. */
export async function learnerForUser(userId: string): Promise<string> {
  const learner = await db().learner.upsert({ where: { userId }, create: { userId }, update: {}, select: { id: true } });
  return learner.id;
}

export interface LearnerSeen {
  id: string;
  lastSeenAt: Date;
}

/** The anonymous learner a cookie stands for, with when it was last active; null if gone or owned by an account. */
export async function findAnonymousLearner(id: string): Promise<LearnerSeen | null> {
  return db().learner.findFirst({ where: { id, userId: null }, select: { id: true, lastSeenAt: true } });
}

/** The account's learner, with when it was last active; null until a first write creates it (learnerForUser): reads never write. */
export async function findLearnerForUser(userId: string): Promise<LearnerSeen | null> {
  return db().learner.findUnique({ where: { userId }, select: { id: true, lastSeenAt: true } });
}

/**
 * Records activity: sets lastSeenAt to `now` unless it is already newer than
 * `now - throttleMs`. The condition is in the statement, so concurrent requests write once.
 */
export async function touchLearner(id: string, now: Date, throttleMs: number): Promise<boolean> {
  const { count } = await db().learner.updateMany({
    where: { id, lastSeenAt: { lt: new Date(now.getTime() - throttleMs) } },
    data: { lastSeenAt: now },
  });
  return count > 0;
}

/**
 * Moves everything an anonymous learner owns into the account's learner, in one
 * transaction, then deletes the anonymous learner. Where both have a draft for a
 * challenge the newer stays the draft and the older becomes a history entry (mode
 * "draft"), so nothing is dropped. Returns the account's learner id.
 */
export async function mergeAnonymousIntoUser(anonymousId: string, userId: string): Promise<string> {
  return db().$transaction(async (tx) => {
    const target = await tx.learner.upsert({ where: { userId }, create: { userId }, update: {}, select: { id: true } });
    // Lock the anonymous row; a learner that already belongs to an account is never merged.
    const locked = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT "id"::text AS id FROM "Learner" WHERE "id" = ${anonymousId}::uuid AND "userId" IS NULL FOR UPDATE`;
    const source = locked[0];
    if (!source || source.id === target.id) return target.id;

    const theirDrafts = await tx.draft.findMany({ where: { learnerId: source.id } });
    for (const draft of theirDrafts) {
      const mine = await tx.draft.findUnique({
        where: { learnerId_challengeId: { learnerId: target.id, challengeId: draft.challengeId } },
      });
      const keep = !mine || draft.updatedAt > mine.updatedAt ? draft : mine;
      const older = keep === draft ? mine : draft;
      if (older && older.code !== keep.code) {
        await tx.submission.create({
          data: {
            learnerId: target.id,
            challengeId: older.challengeId,
            mode: "draft",
            code: older.code,
            verdict: "not_judged",
            passed: 0,
            total: 0,
            result: { note: "Draft kept when an anonymous session was merged into this account" },
            contentHash: "",
            createdAt: older.updatedAt,
          },
        });
      }
      await tx.draft.upsert({
        where: { learnerId_challengeId: { learnerId: target.id, challengeId: draft.challengeId } },
        create: { learnerId: target.id, challengeId: keep.challengeId, code: keep.code, updatedAt: keep.updatedAt },
        update: { code: keep.code, updatedAt: keep.updatedAt },
      });
    }
    await tx.draft.deleteMany({ where: { learnerId: source.id } });

    await tx.submission.updateMany({ where: { learnerId: source.id }, data: { learnerId: target.id } });
    await tx.interview.updateMany({ where: { learnerId: source.id }, data: { learnerId: target.id } });
    await tx.drillRound.updateMany({ where: { learnerId: source.id }, data: { learnerId: target.id } });
    await mergeReviewCards(tx, source.id, target.id);

    // Progress: the union of both, the earliest of each milestone, attempts added up.
    const theirProgress = await tx.conceptProgress.findMany({ where: { learnerId: source.id } });
    for (const row of theirProgress) {
      const mine = await tx.conceptProgress.findUnique({
        where: { learnerId_conceptSlug: { learnerId: target.id, conceptSlug: row.conceptSlug } },
      });
      const earliest = (a: Date | null | undefined, b: Date | null | undefined) => (a && b ? (a < b ? a : b) : (a ?? b ?? null));
      const newerQuiz = !mine?.quizAt || (row.quizAt && row.quizAt > mine.quizAt) ? row : mine;
      const solvedFrom = mine?.solvedAt && (!row.solvedAt || mine.solvedAt <= row.solvedAt) ? mine : row;
      const data = {
        lessonReadAt: earliest(mine?.lessonReadAt, row.lessonReadAt),
        quizCorrect: newerQuiz.quizCorrect,
        quizTotal: newerQuiz.quizTotal,
        quizAt: newerQuiz.quizAt,
        solvedAt: solvedFrom.solvedAt,
        solvedSubmissionId: solvedFrom.solvedSubmissionId,
        attempts: (mine?.attempts ?? 0) + row.attempts,
      };
      await tx.conceptProgress.upsert({
        where: { learnerId_conceptSlug: { learnerId: target.id, conceptSlug: row.conceptSlug } },
        create: { learnerId: target.id, conceptSlug: row.conceptSlug, ...data },
        update: data,
      });
    }
    await tx.learner.delete({ where: { id: source.id } });
    return target.id;
  });
}

/** Deletes a learner and, through cascades, everything it owns. */
export async function deleteLearner(id: string): Promise<void> {
  await db().learner.deleteMany({ where: { id } });
}

/** Deletes an account: sessions, sign-in methods, its learner and everything the learner owns. */
export async function deleteUser(userId: string): Promise<void> {
  await db().user.deleteMany({ where: { id: userId } });
}
