// Mock interviews through lib/db against a real PostgreSQL: the timer's state is
// persisted, survives a "server restart" (a fresh client reading the stored row),
// stale note writes get the stored text back, and each learner sees only their own.
import { beforeAll, describe, expect, test, vi } from "vitest";
import { DEFAULT_PHASES, MINUTE_MS, startTimer, viewTimer } from "../../lib/interview/timer";
import { createDatabase, useAppEnv } from "./database";

type Lib = {
  learners: typeof import("../../lib/db/learners");
  interviews: typeof import("../../lib/db/interviews");
  client: typeof import("../../lib/db/client");
};
let lib: Lib;

async function loadLib(): Promise<Lib> {
  return {
    learners: await import("../../lib/db/learners"),
    interviews: await import("../../lib/db/interviews"),
    client: await import("../../lib/db/client"),
  };
}

beforeAll(async () => {
  useAppEnv(await createDatabase({ migrated: true }));
  lib = await loadLib();
});

const T0 = Date.UTC(2026, 0, 1, 12);
const min = (m: number) => m * MINUTE_MS;

async function newInterview(startedAt = T0) {
  const { id: learnerId } = await lib.learners.createLearner();
  const interview = await lib.interviews.createInterview(learnerId, "url-shortener", startTimer(DEFAULT_PHASES, startedAt));
  return { learnerId, interview };
}

describe("the timer in PostgreSQL", () => {
  test("actions are stored, and status and phase are mirrored in their columns", async () => {
    const { learnerId, interview } = await newInterview();
    await lib.interviews.applyInterviewAction(learnerId, interview.id, "advance", T0 + min(3));
    const paused = await lib.interviews.applyInterviewAction(learnerId, interview.id, "pause", T0 + min(4));
    expect(paused?.timer.status).toBe("paused");
    expect(viewTimer(paused!.timer, T0 + min(60)).phases.map((phase) => phase.elapsedMs)).toEqual([min(3), min(1), 0, 0]);
    const row = await lib.client.db().interview.findUnique({ where: { id: interview.id }, select: { status: true, phaseIndex: true, finishedAt: true } });
    expect(row).toEqual({ status: "paused", phaseIndex: 1, finishedAt: null });
  });

  test("a server restart mid-interview keeps the clock: a fresh client reads the stored timer and time has gone on", async () => {
    const { learnerId, interview } = await newInterview();
    await lib.interviews.applyInterviewAction(learnerId, interview.id, "run-over", T0 + min(1));
    // Drop the client and every loaded module, as a restarted server would start.
    await lib.client.db().$disconnect();
    delete (globalThis as { blueprintPrisma?: unknown }).blueprintPrisma;
    vi.resetModules();
    lib = await loadLib();
    const reread = await lib.interviews.getInterview(learnerId, interview.id);
    expect(reread).not.toBeNull();
    const view = viewTimer(reread!.timer, T0 + min(7));
    expect(view.status).toBe("running");
    expect(view.phaseIndex).toBe(0);
    expect(view.phases[0]).toMatchObject({ elapsedMs: min(7), overrunMs: min(2), runOver: true });
  });

  // Matched by name: the restart test above reloads modules, so class identity differs.
  test("an action that does not fit the state is refused and changes nothing", async () => {
    const { learnerId, interview } = await newInterview();
    await lib.interviews.applyInterviewAction(learnerId, interview.id, "finish", T0 + min(2));
    await expect(lib.interviews.applyInterviewAction(learnerId, interview.id, "resume", T0 + min(3))).rejects.toMatchObject({ name: "TimerTransitionError", action: "resume", status: "finished" });
    const after = await lib.interviews.getInterview(learnerId, interview.id);
    expect(after?.timer.status).toBe("finished");
    expect(after?.finishedAt?.getTime()).toBe(T0 + min(2));
  });

  test("two actions at once apply one after the other", async () => {
    const { learnerId, interview } = await newInterview();
    const results = await Promise.allSettled([
      lib.interviews.applyInterviewAction(learnerId, interview.id, "pause", T0 + min(1)),
      lib.interviews.applyInterviewAction(learnerId, interview.id, "pause", T0 + min(1)),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((result) => result.status === "rejected")).toHaveLength(1);
  });
});

describe("notes", () => {
  test("save with versions; a stale version gets 'not saved' and the stored text, which is kept", async () => {
    const { learnerId, interview } = await newInterview();
    expect(await lib.interviews.saveInterviewNote(learnerId, interview.id, 0, "first", 0)).toEqual({ saved: true, version: 1 });
    expect(await lib.interviews.saveInterviewNote(learnerId, interview.id, 0, "second", 1)).toEqual({ saved: true, version: 2 });
    // Another tab still thinks it is at version 1.
    expect(await lib.interviews.saveInterviewNote(learnerId, interview.id, 0, "stale", 1)).toEqual({ saved: false, text: "second", version: 2 });
    // A second "first save" of the same phase conflicts too.
    expect(await lib.interviews.saveInterviewNote(learnerId, interview.id, 0, "also first", 0)).toEqual({ saved: false, text: "second", version: 2 });
    const read = await lib.interviews.getInterview(learnerId, interview.id);
    expect(read?.notes).toEqual([{ phaseIndex: 0, text: "second", version: 2 }]);
  });

  test("a version ahead of what is stored is a conflict, not a save", async () => {
    const { learnerId, interview } = await newInterview();
    expect(await lib.interviews.saveInterviewNote(learnerId, interview.id, 2, "x", 5)).toEqual({ saved: false, text: "", version: 0 });
  });

  test("bad input is refused before anything is written, and saved notes stay", async () => {
    const { learnerId, interview } = await newInterview();
    await lib.interviews.saveInterviewNote(learnerId, interview.id, 1, "keep me", 0);
    const big = "x".repeat(lib.interviews.NOTE_MAX_BYTES + 1);
    await expect(lib.interviews.saveInterviewNote(learnerId, interview.id, 1, big, 1)).rejects.toMatchObject({ code: "too_large" });
    await expect(lib.interviews.saveInterviewNote(learnerId, interview.id, 4, "x", 0)).rejects.toMatchObject({ code: "bad_request" });
    await expect(lib.interviews.saveInterviewNote(learnerId, interview.id, -1, "x", 0)).rejects.toMatchObject({ code: "bad_request" });
    await expect(lib.interviews.saveInterviewNote(learnerId, interview.id, 1, "x", -1)).rejects.toMatchObject({ code: "bad_request" });
    expect((await lib.interviews.getInterview(learnerId, interview.id))?.notes).toEqual([{ phaseIndex: 1, text: "keep me", version: 1 }]);
  });

  test("exactly 100 KB of notes is accepted", async () => {
    const { learnerId, interview } = await newInterview();
    const full = "y".repeat(lib.interviews.NOTE_MAX_BYTES);
    expect(await lib.interviews.saveInterviewNote(learnerId, interview.id, 0, full, 0)).toEqual({ saved: true, version: 1 });
  });
});

describe("ownership", () => {
  test("another learner's interview reads, acts and saves as not found", async () => {
    const { learnerId, interview } = await newInterview();
    const { id: other } = await lib.learners.createLearner();
    await lib.interviews.saveInterviewNote(learnerId, interview.id, 0, "private", 0);
    expect(await lib.interviews.getInterview(other, interview.id)).toBeNull();
    expect(await lib.interviews.applyInterviewAction(other, interview.id, "finish", T0 + 1)).toBeNull();
    expect(await lib.interviews.saveInterviewNote(other, interview.id, 0, "overwrite", 1)).toBeNull();
    expect(await lib.interviews.saveRubricScores(other, interview.id, [2])).toBeNull();
    expect(await lib.interviews.listInterviews(other)).toEqual([]);
    const mine = await lib.interviews.getInterview(learnerId, interview.id);
    expect(mine?.notes[0]?.text).toBe("private");
    expect(mine?.timer.status).toBe("running");
  });

  test("the list is the learner's own, newest first", async () => {
    const { learnerId, interview: first } = await newInterview();
    const second = await lib.interviews.createInterview(learnerId, "news-feed", startTimer(DEFAULT_PHASES, T0));
    const list = await lib.interviews.listInterviews(learnerId);
    expect(list.map((row) => row.id)).toEqual([second.id, first.id]);
  });
});

describe("rubric scores", () => {
  test("only a finished interview can be scored; scores round-trip", async () => {
    const { learnerId, interview } = await newInterview();
    await expect(lib.interviews.saveRubricScores(learnerId, interview.id, [1, 2])).rejects.toMatchObject({ code: "conflict" });
    await lib.interviews.applyInterviewAction(learnerId, interview.id, "finish", T0 + min(40));
    const saved = await lib.interviews.saveRubricScores(learnerId, interview.id, [1, 2, 0, 2, 2, 1, 0, 2]);
    expect(saved?.rubricScores).toEqual([1, 2, 0, 2, 2, 1, 0, 2]);
    expect((await lib.interviews.getInterview(learnerId, interview.id))?.rubricScores).toEqual([1, 2, 0, 2, 2, 1, 0, 2]);
  });
});
