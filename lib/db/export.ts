import "server-only";
import { db } from "./client";

/** Everything stored about a learner (and its account, if any), for the learner to download. */
export async function exportLearnerData(learnerId: string) {
  const learner = await db().learner.findUnique({
    where: { id: learnerId },
    select: {
      id: true,
      createdAt: true,
      lastSeenAt: true,
      user: { select: { id: true, name: true, email: true, emailVerified: true, createdAt: true } },
      drafts: { select: { challengeId: true, code: true, updatedAt: true }, orderBy: { challengeId: "asc" } },
      submissions: {
        select: { id: true, challengeId: true, mode: true, code: true, verdict: true, passed: true, total: true, result: true, contentHash: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      },
      progress: {
        select: { conceptSlug: true, lessonReadAt: true, quizCorrect: true, quizTotal: true, quizAt: true, solvedAt: true, solvedSubmissionId: true, attempts: true },
        orderBy: { conceptSlug: "asc" },
      },
      interviews: {
        select: {
          id: true,
          prompt: true,
          status: true,
          phaseIndex: true,
          timer: true,
          rubricScores: true,
          createdAt: true,
          finishedAt: true,
          notes: { select: { phaseIndex: true, text: true, version: true, updatedAt: true }, orderBy: { phaseIndex: "asc" } },
          board: { select: { board: true, version: true, updatedAt: true, checkVerdict: true, checkStatus: true, checkFailed: true, checkBoardVersion: true, checkedAt: true } },
        },
        orderBy: { createdAt: "asc" },
      },
      strictMode: true,
      reviewCards: {
        select: { id: true, sourceKind: true, sourceKey: true, conceptSlug: true, payload: true, concealed: true, due: true, stability: true, difficulty: true, reps: true, lapses: true, state: true, lastReview: true, version: true, createdAt: true, retiredAt: true },
        orderBy: { createdAt: "asc" },
      },
      reviewLogs: { select: { cardId: true, grade: true, state: true, reviewedAt: true, due: true, scheduledDays: true, stability: true, difficulty: true }, orderBy: { reviewedAt: "asc" } },
      drillRounds: {
        select: {
          id: true,
          scenarioIds: true,
          createdAt: true,
          finishedAt: true,
          answers: { select: { scenarioId: true, chosen: true, correct: true, answeredAt: true } },
        },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!learner) return null;
  const { user, ...rest } = learner;
  return { account: user, learner: rest };
}
