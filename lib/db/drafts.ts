import "server-only";
import { db } from "./client";

export async function getDraft(learnerId: string, challengeId: string): Promise<{ code: string; updatedAt: Date } | null> {
  return db().draft.findUnique({
    where: { learnerId_challengeId: { learnerId, challengeId } },
    select: { code: true, updatedAt: true },
  });
}

export interface SavedDraft {
  updatedAt: Date;
  /** When the caller said which version it last saw and the server held a different one: that version's time. */
  replaced: Date | null;
}

/**
 * Saves the draft: the newest save by server time wins. `baseUpdatedAt` is the version
 * the page last saved or loaded; when the server holds another one, another tab or
 * device saved in between: the caller is told which version it replaced, and that
 * version is kept as a history entry (mode "draft"), so no text is lost.
 */
export async function saveDraft(learnerId: string, challengeId: string, code: string, baseUpdatedAt?: Date | null): Promise<SavedDraft> {
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ updatedAt: Date; code: string }>>`
      SELECT "updatedAt", "code" FROM "Draft" WHERE "learnerId" = ${learnerId}::uuid AND "challengeId" = ${challengeId} FOR UPDATE`;
    const before = rows[0]?.updatedAt ?? null;
    const replaced = baseUpdatedAt !== undefined && before && before.getTime() !== baseUpdatedAt?.getTime() ? before : null;
    if (replaced && rows[0] && rows[0].code !== code) {
      // The version this save replaces was never seen by this page: keep it in the history.
      await tx.submission.create({
        data: {
          learnerId,
          challengeId,
          mode: "draft",
          code: rows[0].code,
          verdict: "not_judged",
          passed: 0,
          total: 0,
          result: { note: "Draft from another tab or device, replaced by a newer save" },
          contentHash: "",
          createdAt: replaced,
        },
      });
    }
    const saved = await tx.draft.upsert({
      where: { learnerId_challengeId: { learnerId, challengeId } },
      create: { learnerId, challengeId, code },
      update: { code },
      select: { updatedAt: true },
    });
    return { updatedAt: saved.updatedAt, replaced };
  });
}

export async function deleteDraft(learnerId: string, challengeId: string): Promise<void> {
  await db().draft.deleteMany({ where: { learnerId, challengeId } });
}
