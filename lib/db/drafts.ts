import "server-only";
import { db } from "./client";

export async function getDraft(learnerId: string, challengeId: string): Promise<{ code: string; updatedAt: Date } | null> {
  return db().draft.findUnique({
    where: { learnerId_challengeId: { learnerId, challengeId } },
    select: { code: true, updatedAt: true },
  });
}

export async function saveDraft(learnerId: string, challengeId: string, code: string): Promise<{ updatedAt: Date }> {
  return db().draft.upsert({
    where: { learnerId_challengeId: { learnerId, challengeId } },
    create: { learnerId, challengeId, code },
    update: { code },
    select: { updatedAt: true },
  });
}

export async function deleteDraft(learnerId: string, challengeId: string): Promise<void> {
  await db().draft.deleteMany({ where: { learnerId, challengeId } });
}
