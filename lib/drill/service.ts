import "server-only";
import { randomInt } from "node:crypto";
import { listConcepts } from "../content/catalog";
import { loadScenarios, type Scenario } from "../content/reference";
import * as drills from "../db/drills";
import { pruneDrillRounds } from "../db/storage-caps";
import { AppError } from "../app-error";
import type { AnswerBody, AnswerResult, DrillFeedback, DrillHistory, PublicRound } from "./contract";
import { uuidSchema } from "../http/ids";
import { mostMissed, pickRound, scenarioRecords, scoreRound, seededRandom } from "./round";

export type { AnswerBody, AnswerResult, DrillFeedback, DrillHistory, PublicRound } from "./contract";

function scenarioIndex(): Map<string, Scenario> {
  return new Map(loadScenarios().map((s) => [s.id, s]));
}

function conceptTitles(): Map<string, string> {
  return new Map(listConcepts().map((c) => [c.slug, c.title]));
}

function feedbackFor(scenario: Scenario, chosen: string, correct: boolean, titles: Map<string, string>): DrillFeedback {
  return {
    scenarioId: scenario.id,
    chosen,
    correct,
    answer: scenario.concept,
    answerTitle: titles.get(scenario.concept) ?? scenario.concept,
    reason: scenario.reason,
    lessonHref: `/concepts/${scenario.concept}`,
  };
}

function toPublic(round: drills.DrillRoundRow): PublicRound {
  const scenarios = scenarioIndex();
  const titles = conceptTitles();
  return {
    id: round.id,
    createdAt: round.createdAt.toISOString(),
    finishedAt: round.finishedAt?.toISOString() ?? null,
    // A scenario removed from content since the round began is dropped rather than shown blank.
    scenarios: round.scenarioIds.flatMap((id) => {
      const scenario = scenarios.get(id);
      return scenario ? [{ id, text: scenario.text }] : [];
    }),
    feedback: round.answers.flatMap((answer) => {
      const scenario = scenarios.get(answer.scenarioId);
      return scenario ? [feedbackFor(scenario, answer.chosen, answer.correct, titles)] : [];
    }),
    score: scoreRound(round.scenarioIds, round.answers),
  };
}

async function roundOr404(learnerId: string | null, roundId: string): Promise<drills.DrillRoundRow> {
  const round = learnerId && uuidSchema.safeParse(roundId).success ? await drills.getRound(learnerId, roundId) : null;
  if (!round) throw new AppError("not_found", `no drill round "${roundId}" for this learner`);
  return round;
}

export async function startRound(learnerId: string): Promise<PublicRound> {
  const ids = loadScenarios().map((s) => s.id);
  const records = scenarioRecords(await drills.pastAnswers(learnerId));
  const picked = pickRound(ids, records, seededRandom(randomInt(2 ** 31)));
  await pruneDrillRounds(learnerId);
  return toPublic(await drills.createRound(learnerId, picked));
}

export async function getPublicRound(learnerId: string | null, roundId: string): Promise<PublicRound> {
  return toPublic(await roundOr404(learnerId, roundId));
}

export async function openPublicRound(learnerId: string | null): Promise<PublicRound | null> {
  if (!learnerId) return null;
  const round = await drills.openRound(learnerId);
  return round ? toPublic(round) : null;
}

export async function answerScenario(
  learnerId: string | null,
  roundId: string,
  body: AnswerBody,
): Promise<AnswerResult> {
  const round = await roundOr404(learnerId, roundId);
  const scenario = scenarioIndex().get(body.scenarioId);
  if (!scenario) throw new AppError("not_found", `no scenario "${body.scenarioId}" exists`);
  if (!round.scenarioIds.includes(scenario.id)) throw new AppError("bad_request", `scenario "${scenario.id}" is not part of this round`);
  const titles = conceptTitles();
  if (!titles.has(body.chosen)) throw new AppError("bad_request", `chosen: "${body.chosen}" is not one of the 20 concepts`);
  if (round.finishedAt) throw new AppError("conflict", "this round is already finished; start a new one");
  const correct = body.chosen === scenario.concept;
  const result = await drills.recordAnswer(learnerId as string, round.id, { scenarioId: scenario.id, chosen: body.chosen, correct });
  if (result === "finished") throw new AppError("conflict", "this round is already finished; start a new one");
  if (result === "already_answered") throw new AppError("conflict", `scenario "${scenario.id}" is already answered in this round`);
  if (result === "not_found") throw new AppError("not_found", `no drill round "${roundId}" for this learner`);
  const answers = [...round.answers, { scenarioId: scenario.id, correct }];
  return { ...feedbackFor(scenario, body.chosen, correct, titles), score: scoreRound(round.scenarioIds, answers) };
}

export async function finishDrillRound(learnerId: string | null, roundId: string): Promise<PublicRound> {
  const round = await roundOr404(learnerId, roundId);
  if (round.finishedAt || !(await drills.finishRound(learnerId as string, round.id))) {
    throw new AppError("conflict", "this round is already finished");
  }
  return toPublic((await drills.getRound(learnerId as string, round.id)) ?? round);
}

export async function drillHistory(learnerId: string | null): Promise<DrillHistory> {
  if (!learnerId) return { rounds: [], mostMissed: [] };
  const [rounds, answers] = await Promise.all([drills.listRounds(learnerId), drills.pastAnswers(learnerId)]);
  const scenarios = scenarioIndex();
  const titles = conceptTitles();
  return {
    rounds: rounds.map((round) => ({
      id: round.id,
      createdAt: round.createdAt.toISOString(),
      finishedAt: round.finishedAt?.toISOString() ?? null,
      score: scoreRound(round.scenarioIds, round.answers),
    })),
    mostMissed: mostMissed(scenarioRecords(answers)).flatMap((record) => {
      const scenario = scenarios.get(record.scenarioId);
      if (!scenario) return [];
      return [{ id: scenario.id, text: scenario.text, concept: scenario.concept, conceptTitle: titles.get(scenario.concept) ?? scenario.concept, misses: record.misses, hits: record.hits }];
    }),
  };
}
