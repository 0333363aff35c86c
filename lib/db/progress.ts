import "server-only";
import { db } from "./client";
import { Prisma } from "./generated/client";

export interface ConceptProgressRow {
  conceptSlug: string;
  lessonReadAt: Date | null;
  quizCorrect: number | null;
  quizTotal: number | null;
  quizAt: Date | null;
  solvedAt: Date | null;
  solvedSubmissionId: string | null;
  attempts: number;
  updatedAt: Date;
}

const progressSelect = {
  conceptSlug: true,
  lessonReadAt: true,
  quizCorrect: true,
  quizTotal: true,
  quizAt: true,
  solvedAt: true,
  solvedSubmissionId: true,
  attempts: true,
  updatedAt: true,
} as const;

export async function listProgress(learnerId: string): Promise<ConceptProgressRow[]> {
  return db().conceptProgress.findMany({ where: { learnerId }, select: progressSelect, orderBy: { conceptSlug: "asc" } });
}

export async function getProgress(learnerId: string, conceptSlug: string): Promise<ConceptProgressRow | null> {
  return db().conceptProgress.findUnique({ where: { learnerId_conceptSlug: { learnerId, conceptSlug } }, select: progressSelect });
}

/** Marks the lesson read; the first time counts, later visits change nothing. */
export async function markLessonRead(learnerId: string, conceptSlug: string): Promise<void> {
  const now = new Date();
  await db().$executeRaw`
    INSERT INTO "ConceptProgress" ("learnerId", "conceptSlug", "lessonReadAt", "attempts", "updatedAt")
    VALUES (${learnerId}::uuid, ${conceptSlug}, ${now}, 0, ${now})
    ON CONFLICT ("learnerId", "conceptSlug") DO UPDATE
    SET "lessonReadAt" = COALESCE("ConceptProgress"."lessonReadAt", EXCLUDED."lessonReadAt"),
        "updatedAt" = EXCLUDED."updatedAt"`;
}

/** The latest quiz result replaces the previous one. */
export async function recordQuiz(learnerId: string, conceptSlug: string, correct: number, total: number): Promise<void> {
  const now = new Date();
  await db().conceptProgress.upsert({
    where: { learnerId_conceptSlug: { learnerId, conceptSlug } },
    create: { learnerId, conceptSlug, quizCorrect: correct, quizTotal: total, quizAt: now },
    update: { quizCorrect: correct, quizTotal: total, quizAt: now },
  });
}

/**
 * Counts a submit to the hidden tests; the first passing one marks the challenge
 * solved (one statement, so two concurrent passes cannot both claim "first").
 */
export async function recordAttempt(learnerId: string, conceptSlug: string, submission: { id: string; passed: boolean }): Promise<void> {
  await db().$executeRaw`${attemptUpsert(learnerId, conceptSlug, submission)}`;
}

/** The attempt upsert as a fragment, so a submit can run it in the same statement as its submission. */
export function attemptUpsert(learnerId: string, conceptSlug: string, submission: { id: string; passed: boolean }): Prisma.Sql {
  const now = new Date();
  const solvedAt = submission.passed ? now : null;
  const solvedId = submission.passed ? submission.id : null;
  return Prisma.sql`
    INSERT INTO "ConceptProgress" ("learnerId", "conceptSlug", "attempts", "solvedAt", "solvedSubmissionId", "updatedAt")
    VALUES (${learnerId}::uuid, ${conceptSlug}, 1, ${solvedAt}, ${solvedId}::uuid, ${now})
    ON CONFLICT ("learnerId", "conceptSlug") DO UPDATE
    SET "attempts" = "ConceptProgress"."attempts" + 1,
        "solvedSubmissionId" = CASE WHEN "ConceptProgress"."solvedAt" IS NULL THEN EXCLUDED."solvedSubmissionId" ELSE "ConceptProgress"."solvedSubmissionId" END,
        "solvedAt" = COALESCE("ConceptProgress"."solvedAt", EXCLUDED."solvedAt"),
        "updatedAt" = EXCLUDED."updatedAt"`;
}
