import "server-only";
import { AppError } from "../app-error";
import { getDraft, saveDraft, type SavedDraft } from "../db/drafts";
import { findChallenge } from "./find-challenge";

/** The learner's draft of a challenge; none saved yet is a not_found. */
export async function getMyDraft(options: { learnerId: string; concept: string; challenge: string }): Promise<{ code: string; updatedAt: Date }> {
  const { id } = findChallenge(options.concept, options.challenge);
  const draft = await getDraft(options.learnerId, id);
  if (!draft) throw new AppError("not_found", "no draft saved for this challenge yet");
  return draft;
}

/** Saves the draft; `baseUpdatedAt` (ISO) is the version the page last saw, null for none. */
export async function saveMyDraft(options: {
  learnerId: string;
  concept: string;
  challenge: string;
  code: string;
  baseUpdatedAt?: string | null;
}): Promise<SavedDraft> {
  const { id } = findChallenge(options.concept, options.challenge);
  const base = options.baseUpdatedAt === undefined ? undefined : options.baseUpdatedAt === null ? null : new Date(options.baseUpdatedAt);
  return saveDraft(options.learnerId, id, options.code, base);
}
