import { seededRandom } from "../random/seeded-random";
// Pure drill rules: which scenarios a round holds, in what order, and its score.
// Kept free of the database and of content files so the unit tests drive them directly.

export const ROUND_SIZE = 10;

export interface PastAnswer {
  scenarioId: string;
  correct: boolean;
  answeredAt: Date;
}

export interface ScenarioRecord {
  scenarioId: string;
  misses: number;
  hits: number;
  lastAnsweredAt: number;
}

/** Per-scenario misses and hits over the learner's past answers. */
export function scenarioRecords(answers: readonly PastAnswer[]): Map<string, ScenarioRecord> {
  const records = new Map<string, ScenarioRecord>();
  for (const answer of answers) {
    const record = records.get(answer.scenarioId) ?? { scenarioId: answer.scenarioId, misses: 0, hits: 0, lastAnsweredAt: 0 };
    if (answer.correct) record.hits += 1;
    else record.misses += 1;
    record.lastAnsweredAt = Math.max(record.lastAnsweredAt, answer.answeredAt.getTime());
    records.set(answer.scenarioId, record);
  }
  return records;
}

/**
 * A scenario still needs review while the learner has missed it more often than
 * they got it right: one later correct answer does not clear two misses.
 */
export function needsReview(record: ScenarioRecord | undefined): record is ScenarioRecord {
  return record !== undefined && record.misses > record.hits;
}

/** A small seeded generator (mulberry32): rounds vary, tests stay deterministic. */
export { seededRandom };

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The scenarios of the next round, in the order they are shown:
 * 1. those that need review, most net misses first (then the longest unseen);
 * 2. scenarios never answered, in random order;
 * 3. the rest, longest since last answered first.
 */
export function pickRound(
  scenarioIds: readonly string[],
  records: ReadonlyMap<string, ScenarioRecord>,
  random: () => number,
  size = ROUND_SIZE,
): string[] {
  const review: ScenarioRecord[] = [];
  const unseen: string[] = [];
  const known: ScenarioRecord[] = [];
  for (const id of scenarioIds) {
    const record = records.get(id);
    if (needsReview(record)) review.push(record);
    else if (!record) unseen.push(id);
    else known.push(record);
  }
  review.sort((a, b) => b.misses - b.hits - (a.misses - a.hits) || a.lastAnsweredAt - b.lastAnsweredAt || a.scenarioId.localeCompare(b.scenarioId));
  // Shuffle before the stable sort so equal ages come out in varied order.
  const knownOrder = shuffled(known, random).sort((a, b) => a.lastAnsweredAt - b.lastAnsweredAt);
  return [...review.map((r) => r.scenarioId), ...shuffled(unseen, random), ...knownOrder.map((r) => r.scenarioId)].slice(0, size);
}

export interface RoundScore {
  total: number;
  answered: number;
  correct: number;
}

/** Unanswered scenarios count against the score: a round is scored out of its size. */
export function scoreRound(scenarioIds: readonly string[], answers: ReadonlyArray<{ scenarioId: string; correct: boolean }>): RoundScore {
  const inRound = new Set(scenarioIds);
  const counted = answers.filter((answer) => inRound.has(answer.scenarioId));
  return { total: scenarioIds.length, answered: counted.length, correct: counted.filter((answer) => answer.correct).length };
}

/** Scenarios the learner still gets wrong, most net misses first, for the history panel. */
export function mostMissed(records: ReadonlyMap<string, ScenarioRecord>, limit = 5): ScenarioRecord[] {
  return [...records.values()]
    .filter(needsReview)
    .sort((a, b) => b.misses - b.hits - (a.misses - a.hits) || b.lastAnsweredAt - a.lastAnsweredAt)
    .slice(0, limit);
}
