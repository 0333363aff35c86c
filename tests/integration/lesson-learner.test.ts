// The per-learner part of a (static) lesson page: the service behind
// GET /api/concepts/<slug>/learner, on a real PostgreSQL. Each learner sees only their own.
import { beforeAll, describe, expect, test } from "vitest";
import { createDatabase, useAppEnv } from "./database";

let learners: typeof import("../../lib/db/learners");
let drafts: typeof import("../../lib/db/drafts");
let progress: typeof import("../../lib/db/progress");
let state: typeof import("../../lib/progress/lesson-state");
let contract: typeof import("../../lib/progress/lesson-contract");

beforeAll(async () => {
  useAppEnv(await createDatabase({ migrated: true }));
  learners = await import("../../lib/db/learners");
  drafts = await import("../../lib/db/drafts");
  progress = await import("../../lib/db/progress");
  state = await import("../../lib/progress/lesson-state");
  contract = await import("../../lib/progress/lesson-contract");
});

const CHALLENGE = "rate-limiting/limiters";

describe("a lesson's per-learner state", () => {
  test("no learner: nothing yet, in the shape the browser parses", async () => {
    const empty = await state.lessonLearnerState(null, "rate-limiting");
    expect(empty).toEqual({ state: "not_started", lessonRead: false, quiz: null, attempts: 0, draft: null, submissions: [] });
    expect(contract.lessonLearnerSchema.parse(empty)).toEqual(empty);
  });

  test("a learner gets their draft, progress and quiz; another learner gets none of it", async () => {
    const { id: mine } = await learners.createLearner();
    const { id: theirs } = await learners.createLearner();
    await drafts.saveDraft(mine, CHALLENGE, "export const mine = 1;\n", null);
    await progress.markLessonRead(mine, "rate-limiting");
    await progress.recordQuiz(mine, "rate-limiting", 2, 3);

    const own = await state.lessonLearnerState(mine, "rate-limiting");
    expect(own).toMatchObject({ state: "quiz_done", lessonRead: true, quiz: { correct: 2, total: 3 }, attempts: 0 });
    expect(own.draft?.code).toBe("export const mine = 1;\n");
    // What the browser parses is what the server sends (ISO times, not Date objects).
    expect(contract.lessonLearnerSchema.parse(JSON.parse(JSON.stringify(own)))).toEqual(own);

    const other = await state.lessonLearnerState(theirs, "rate-limiting");
    expect(other.draft).toBeNull();
    expect(other.state).toBe("not_started");
  });

  test("an unknown or unavailable lesson is not_found", async () => {
    await expect(state.lessonLearnerState(null, "no-such-concept")).rejects.toMatchObject({ code: "not_found" });
  });
});
