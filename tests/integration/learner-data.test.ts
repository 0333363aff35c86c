// Drafts and submissions through lib/db, against a real PostgreSQL: each learner
// sees only their own.
import { beforeAll, describe, expect, test } from "vitest";
import type { Verdict } from "../../lib/judge/verdict";
import { createDatabase, useAppEnv } from "./database";

let lib: {
  learners: typeof import("../../lib/db/learners");
  drafts: typeof import("../../lib/db/drafts");
  submissions: typeof import("../../lib/db/submissions");
};

beforeAll(async () => {
  useAppEnv(await createDatabase({ migrated: true }));
  lib = {
    learners: await import("../../lib/db/learners"),
    drafts: await import("../../lib/db/drafts"),
    submissions: await import("../../lib/db/submissions"),
  };
});

const verdict = (passed: number): Verdict => ({
  challengeId: "rate-limiting/limiters",
  mode: "submit",
  verdict: passed === 3 ? "passed" : "failed",
  passed,
  failed: 3 - passed,
  total: 3,
  tests: [],
  logs: "",
  durationMs: 5,
});

describe("drafts", () => {
  test("save, update and read back the latest draft", async () => {
    const { id } = await lib.learners.createLearner();
    expect(await lib.drafts.getDraft(id, "rate-limiting/limiters")).toBeNull();
    await lib.drafts.saveDraft(id, "rate-limiting/limiters", "first");
    const first = await lib.drafts.getDraft(id, "rate-limiting/limiters");
    await lib.drafts.saveDraft(id, "rate-limiting/limiters", "second");
    const second = await lib.drafts.getDraft(id, "rate-limiting/limiters");
    expect(second?.code).toBe("second");
    expect(second!.updatedAt.getTime()).toBeGreaterThanOrEqual(first!.updatedAt.getTime());
  });

  test("one learner's draft is invisible to another", async () => {
    const alice = await lib.learners.createLearner();
    const bob = await lib.learners.createLearner();
    await lib.drafts.saveDraft(alice.id, "rate-limiting/limiters", "alice's code");
    expect(await lib.drafts.getDraft(bob.id, "rate-limiting/limiters")).toBeNull();
  });
});

describe("submissions", () => {
  test("are listed newest first with their verdicts", async () => {
    const { id } = await lib.learners.createLearner();
    await lib.submissions.recordSubmission({ learnerId: id, code: "a", verdict: verdict(1), contentHash: "h" });
    await lib.submissions.recordSubmission({ learnerId: id, code: "b", verdict: verdict(3), contentHash: "h" });
    const rows = await lib.submissions.listSubmissions(id, "rate-limiting/limiters");
    expect(rows.map((row) => row.verdict)).toEqual(["passed", "failed"]);
    expect(rows[0]).toMatchObject({ passed: 3, total: 3, mode: "submit" });
  });

  test("another learner's submission id reads as not found", async () => {
    const alice = await lib.learners.createLearner();
    const bob = await lib.learners.createLearner();
    const mine = await lib.submissions.recordSubmission({ learnerId: alice.id, code: "secret", verdict: verdict(3), contentHash: "h" });
    expect((await lib.submissions.getSubmission(alice.id, mine.id))?.code).toBe("secret");
    expect(await lib.submissions.getSubmission(bob.id, mine.id)).toBeNull();
    expect(await lib.submissions.listSubmissions(bob.id, "rate-limiting/limiters")).toEqual([]);
  });

  test("the stored verdict round-trips as JSON", async () => {
    const { id } = await lib.learners.createLearner();
    const saved = await lib.submissions.recordSubmission({ learnerId: id, code: "x", verdict: verdict(2), contentHash: "abc" });
    const read = await lib.submissions.getSubmission(id, saved.id);
    expect(read?.result).toEqual(verdict(2));
    expect(read?.contentHash).toBe("abc");
  });
});
