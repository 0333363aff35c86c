import "server-only";
import { AppError } from "../app-error";
import { findConcept } from "../content/catalog";
import { getDraft } from "../db/drafts";
import { getProgress } from "../db/progress";
import { listSubmissions } from "../db/submissions";
import type { LessonLearnerDto } from "./lesson-contract";
import { conceptState } from "./progress";

/** What this learner has of one lesson: progress, the challenge's draft and submissions. No learner: nothing yet. */
export async function lessonLearnerState(learnerId: string | null, slug: string): Promise<LessonLearnerDto> {
  const concept = findConcept(slug);
  if (!concept?.available) throw new AppError("not_found", `no lesson "${slug}"`);
  if (!learnerId) return { state: "not_started", lessonRead: false, quiz: null, attempts: 0, draft: null, submissions: [] };
  const [progress, draft, submissions] = await Promise.all([
    getProgress(learnerId, slug),
    getDraft(learnerId, concept.challenge),
    listSubmissions(learnerId, concept.challenge),
  ]);
  return {
    state: conceptState(progress ?? undefined),
    lessonRead: Boolean(progress?.lessonReadAt),
    quiz: progress?.quizAt && progress.quizTotal ? { correct: progress.quizCorrect ?? 0, total: progress.quizTotal } : null,
    attempts: progress?.attempts ?? 0,
    draft: draft ? { code: draft.code, updatedAt: draft.updatedAt.toISOString() } : null,
    submissions: submissions.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
  };
}
