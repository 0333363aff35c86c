// Progress per learner and concept: lesson read, quiz, the first passing submit, attempts.
import { beforeAll, describe, expect, test } from "vitest";
import { createDatabase, useAppEnv } from "./database";

let learners: typeof import("../../lib/db/learners");
let progress: typeof import("../../lib/db/progress");
let report: typeof import("../../lib/progress/progress");
let record: typeof import("../../lib/progress/record");

beforeAll(async () => {
  useAppEnv(await createDatabase({ migrated: true }));
  learners = await import("../../lib/db/learners");
  progress = await import("../../lib/db/progress");
  report = await import("../../lib/progress/progress");
  record = await import("../../lib/progress/record");
});

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

describe("progress", () => {
  test("the first passing submit solves the challenge; later ones only count as attempts", async () => {
    const { id } = await learners.createLearner();
    await progress.recordAttempt(id, "rate-limiting", { id: ID(1), passed: false });
    await progress.recordAttempt(id, "rate-limiting", { id: ID(2), passed: true });
    await progress.recordAttempt(id, "rate-limiting", { id: ID(3), passed: true });
    const row = await progress.getProgress(id, "rate-limiting");
    expect(row).toMatchObject({ attempts: 3, solvedSubmissionId: ID(2) });
  });

  test("lesson read keeps its first time; the quiz keeps its latest result", async () => {
    const { id } = await learners.createLearner();
    await record.recordProgressEvent(id, "rate-limiting", { event: "lesson_read" });
    const first = (await progress.getProgress(id, "rate-limiting"))?.lessonReadAt;
    await record.recordProgressEvent(id, "rate-limiting", { event: "lesson_read" });
    expect((await progress.getProgress(id, "rate-limiting"))?.lessonReadAt).toEqual(first);
    await record.recordProgressEvent(id, "rate-limiting", { event: "quiz", correct: 1, total: 3 });
    await record.recordProgressEvent(id, "rate-limiting", { event: "quiz", correct: 3, total: 3 });
    expect(await progress.getProgress(id, "rate-limiting")).toMatchObject({ quizCorrect: 3, quizTotal: 3 });
    await expect(record.recordProgressEvent(id, "no-such-concept", { event: "lesson_read" })).rejects.toThrow(/unknown concept/);
    await expect(record.recordProgressEvent(id, "rate-limiting", { event: "quiz", correct: 4, total: 3 })).rejects.toThrow(/more than total/);
  });

  test("the report colours each concept by state and counts totals", async () => {
    const { id } = await learners.createLearner();
    await progress.markLessonRead(id, "rate-limiting");
    await progress.recordQuiz(id, "rate-limiting", 2, 3);
    await progress.recordAttempt(id, "rate-limiting", { id: ID(9), passed: true });
    const result = await report.progressReport(id);
    expect(result.concepts).toHaveLength(20);
    expect(result.concepts.find((concept) => concept.slug === "rate-limiting")?.state).toBe("solved");
    expect(result.totals.solved).toBe(1);
    expect((await report.progressReport(null)).totals.solved).toBe(0);
  });

  test("a streak counts consecutive active days up to today or yesterday", () => {
    const today = new Date("2026-03-10T12:00:00Z");
    expect(report.streak(["2026-03-10", "2026-03-09", "2026-03-07"], today)).toBe(2);
    expect(report.streak(["2026-03-09", "2026-03-08"], today)).toBe(2);
    expect(report.streak(["2026-03-07"], today)).toBe(0);
  });
});
