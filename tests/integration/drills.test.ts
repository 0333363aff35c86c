// Drill rounds through lib/db and lib/drill against a real PostgreSQL: each learner
// sees only their own rounds and history; bad answers are refused with a clear 4xx.
import { beforeAll, describe, expect, test } from "vitest";
import { loadScenarios } from "../../lib/content/reference";
import { AppError, appErrorStatus } from "../../lib/app-error";
import { createDatabase, useAppEnv } from "./database";

let lib: {
  learners: typeof import("../../lib/db/learners");
  drills: typeof import("../../lib/db/drills");
  service: typeof import("../../lib/drill/service");
};

beforeAll(async () => {
  useAppEnv(await createDatabase({ migrated: true }));
  lib = {
    learners: await import("../../lib/db/learners"),
    drills: await import("../../lib/db/drills"),
    service: await import("../../lib/drill/service"),
  };
});

async function rejection(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return { status: appErrorStatus[(error as AppError).code], message: (error as AppError).message };
}

describe("drill rounds", () => {
  test("a round of 10 is answered, scored, finished and listed in the learner's history", async () => {
    const { id } = await lib.learners.createLearner();
    const round = await lib.service.startRound(id);
    expect(round.scenarios).toHaveLength(10);
    expect(new Set(round.scenarios.map((s) => s.id)).size).toBe(10);
    const [first, second] = round.scenarios;
    // The answers come from the scenario data (content/), not from the code under test.
    const answerOf = (scenarioId: string) => {
      const concept = loadScenarios().find((scenario) => scenario.id === scenarioId)?.concept;
      if (!concept) throw new Error(`scenario ${scenarioId} is not in the scenario data`);
      return concept;
    };
    const firstAnswer = answerOf(first!.id);
    const secondAnswer = answerOf(second!.id);
    const right = await lib.service.answerScenario(id, round.id, { scenarioId: first!.id, chosen: firstAnswer });
    expect(right).toMatchObject({ correct: true, answer: firstAnswer });
    const wrongChoice = secondAnswer === "bloom-filter" ? "cdn" : "bloom-filter";
    const wrong = await lib.service.answerScenario(id, round.id, { scenarioId: second!.id, chosen: wrongChoice });
    expect(wrong).toMatchObject({ correct: false, answer: secondAnswer, lessonHref: `/concepts/${secondAnswer}` });
    expect(wrong.reason.length).toBeGreaterThan(20);
    const finished = await lib.service.finishDrillRound(id, round.id);
    expect(finished.finishedAt).not.toBeNull();
    // One right of the two answered, out of ten shown.
    expect(finished.score).toEqual({ total: 10, answered: 2, correct: 1 });

    const history = await lib.service.drillHistory(id);
    expect(history.rounds.map((r) => r.id)).toEqual([round.id]);
    expect(history.mostMissed.map((m) => m.id)).toContain(second!.id);
  });

  test("the scenario missed last time comes first in the next round", async () => {
    const { id } = await lib.learners.createLearner();
    const round = await lib.service.startRound(id);
    const missed = round.scenarios[7]!;
    const { loadScenarios } = await import("../../lib/content/reference");
    const concept = loadScenarios().find((s) => s.id === missed.id)!.concept;
    await lib.service.answerScenario(id, round.id, { scenarioId: missed.id, chosen: concept === "cdn" ? "caching" : "cdn" });
    await lib.service.finishDrillRound(id, round.id);
    const next = await lib.service.startRound(id);
    expect(next.scenarios[0]?.id).toBe(missed.id);
  });

  test("starting a round closes the one left open", async () => {
    const { id } = await lib.learners.createLearner();
    const left = await lib.service.startRound(id);
    await lib.service.answerScenario(id, left.id, { scenarioId: left.scenarios[0]!.id, chosen: "cdn" });
    const next = await lib.service.startRound(id);
    expect((await lib.service.openPublicRound(id))?.id).toBe(next.id);
    const closed = await lib.service.getPublicRound(id, left.id);
    expect(closed.finishedAt).not.toBeNull();
    expect(closed.score.answered).toBe(1);
  });

  test("one learner's rounds and history are invisible to another", async () => {
    const alice = await lib.learners.createLearner();
    const bob = await lib.learners.createLearner();
    const round = await lib.service.startRound(alice.id);
    const scenarioId = round.scenarios[0]!.id;
    expect((await rejection(lib.service.getPublicRound(bob.id, round.id))).status).toBe(404);
    expect((await rejection(lib.service.answerScenario(bob.id, round.id, { scenarioId, chosen: "cdn" }))).status).toBe(404);
    expect((await rejection(lib.service.finishDrillRound(bob.id, round.id))).status).toBe(404);
    expect(await lib.drills.getRound(bob.id, round.id)).toBeNull();
    expect((await lib.service.drillHistory(bob.id)).rounds).toEqual([]);
    expect(await lib.drills.pastAnswers(bob.id)).toEqual([]);
    expect((await lib.service.drillHistory(alice.id)).rounds).toHaveLength(1);
  });

  test("bad answers: unknown scenario, unknown concept, twice, after finishing, malformed round id", async () => {
    const { id } = await lib.learners.createLearner();
    const round = await lib.service.startRound(id);
    const scenarioId = round.scenarios[0]!.id;
    const unknown = await rejection(lib.service.answerScenario(id, round.id, { scenarioId: "no-such-scenario", chosen: "cdn" }));
    expect(unknown.status).toBe(404);
    expect(unknown.message).toContain("no-such-scenario");
    expect((await rejection(lib.service.answerScenario(id, round.id, { scenarioId, chosen: "not-a-concept" }))).status).toBe(400);
    await lib.service.answerScenario(id, round.id, { scenarioId, chosen: "cdn" });
    expect((await rejection(lib.service.answerScenario(id, round.id, { scenarioId, chosen: "cdn" }))).status).toBe(409);
    await lib.service.finishDrillRound(id, round.id);
    const late = await rejection(lib.service.answerScenario(id, round.id, { scenarioId: round.scenarios[1]!.id, chosen: "cdn" }));
    expect(late.status).toBe(409);
    expect(late.message).toMatch(/already finished/);
    expect((await rejection(lib.service.finishDrillRound(id, round.id))).status).toBe(409);
    expect((await rejection(lib.service.getPublicRound(id, "not-a-uuid"))).status).toBe(404);
  });
});
