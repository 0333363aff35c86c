import "server-only";
import { db } from "./client";
import { Prisma } from "./generated/client";

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
  if (baseUpdatedAt === undefined) return { updatedAt: await upsertDraft(learnerId, challengeId, code), replaced: null };
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

/**
 * Run and submit: saves the draft (the newest save wins) and runs `token`, a rate-limit
 * take (lib/db/rate-limits.ts), in the same statement, so the draft is kept whether or
 * not the token is granted, in one round trip. It also reads the learner's strict-mode
 * flag, which decides what the verdict shows, so no later round trip has to.
 */
export async function upsertDraftWithToken(
  learnerId: string,
  challengeId: string,
  code: string,
  token: Prisma.Sql,
): Promise<{ updatedAt: Date; allowed: boolean; tokens: number; strictMode: boolean }> {
  const now = new Date();
  const rows = await db().$queryRaw<Array<{ updatedAt: Date; allowed: boolean; tokens: number; strictMode: boolean | null }>>`
    WITH bucket AS (${token}), draft AS (${draftUpsert(learnerId, challengeId, code, now)})
    SELECT draft."updatedAt", bucket."allowed", bucket."tokens",
           (SELECT "strictMode" FROM "Learner" WHERE "id" = ${learnerId}::uuid) AS "strictMode"
    FROM draft, bucket`;
  const row = rows[0];
  if (!row) throw new Error("saving a draft returned no row");
  return { updatedAt: row.updatedAt, allowed: row.allowed, tokens: Number(row.tokens), strictMode: row.strictMode ?? false };
}

function draftUpsert(learnerId: string, challengeId: string, code: string, now: Date): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "Draft" ("learnerId", "challengeId", "code", "updatedAt") VALUES (${learnerId}::uuid, ${challengeId}, ${code}, ${now})
    ON CONFLICT ("learnerId", "challengeId") DO UPDATE SET "code" = EXCLUDED."code", "updatedAt" = EXCLUDED."updatedAt"
    RETURNING "updatedAt"`;
}

/** The newest save wins, nothing compared: one statement. */
export async function upsertDraft(learnerId: string, challengeId: string, code: string): Promise<Date> {
  const now = new Date();
  const rows = await db().$queryRaw<Array<{ updatedAt: Date }>>`${draftUpsert(learnerId, challengeId, code, now)}`;
  const row = rows[0];
  if (!row) throw new Error("saving a draft returned no row");
  return row.updatedAt;
}
