// Where review cards come from, as pure functions of what the learner did: which cards
// to make (kind + key, unique per learner) and which to retire. lib/review/service.ts
// reads the facts from lib/db and lib/content and applies these.
import { RUBRIC_MAX_PER_POINT } from "../interview/view";

export const SOURCE_KINDS = ["quiz", "follow_up", "scenario", "hidden_test", "strict_failure", "rubric", "design_check"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** A card to make (or bring back, if it was retired). */
export interface CardSpec {
  sourceKind: SourceKind;
  sourceKey: string;
  /** "" for cards that belong to no one concept (interview rubric points). */
  conceptSlug: string;
  /** Facts the card shows that content does not hold. Never hidden test source. */
  payload?: Record<string, string | number>;
  /** Made under strict mode: kept out of review until the learner leaves strict mode. */
  concealed?: boolean;
}

export interface CardRef {
  sourceKind: SourceKind;
  sourceKey: string;
}

export interface CardChanges {
  make: CardSpec[];
  retire: CardRef[];
}

export interface LessonCounts {
  concept: string;
  quizQuestions: number;
  followUps: number;
}

/**
 * Lesson and drill cards: a lesson's quiz questions and follow-ups once the learner has
 * started its concept (read the lesson, took the quiz, or submitted), and each drill
 * scenario the learner has answered. Everything at once would be 250 cards due on day one.
 */
export function contentCards(input: { lessons: LessonCounts[]; startedConcepts: Iterable<string>; scenarios: Array<{ id: string; concept: string }>; answeredScenarios: Iterable<string> }): CardSpec[] {
  const started = new Set(input.startedConcepts);
  const answered = new Set(input.answeredScenarios);
  const cards: CardSpec[] = [];
  for (const lesson of input.lessons) {
    if (!started.has(lesson.concept)) continue;
    for (let index = 0; index < lesson.quizQuestions; index++) cards.push({ sourceKind: "quiz", sourceKey: `${lesson.concept}:${index}`, conceptSlug: lesson.concept });
    for (let index = 0; index < lesson.followUps; index++) cards.push({ sourceKind: "follow_up", sourceKey: `${lesson.concept}:${index}`, conceptSlug: lesson.concept });
  }
  for (const scenario of input.scenarios) {
    if (answered.has(scenario.id)) cards.push({ sourceKind: "scenario", sourceKey: scenario.id, conceptSlug: scenario.concept });
  }
  return cards;
}

export interface SubmitOutcome {
  challengeId: string;
  concept: string;
  mode: "run" | "submit";
  verdict: string;
  passed: number;
  failed: number;
  total: number;
  tests: Array<{ name: string; status: "passed" | "failed"; message?: string }>;
}

export function hiddenTestKey(challengeId: string, testName: string): string {
  return `${challengeId}:${testName}`;
}

/**
 * A submit's cards: one per failed hidden test (its name and message only), retiring
 * those of tests that now pass. Under strict mode the named cards are made concealed and
 * one card without names stands for the failures; a submit that passes retires it.
 * Runs (the examples) make no cards.
 */
export function submitCards(outcome: SubmitOutcome, strict: boolean): CardChanges {
  if (outcome.mode !== "submit") return { make: [], retire: [] };
  const make: CardSpec[] = [];
  const retire: CardRef[] = [];
  for (const test of outcome.tests) {
    const ref = { sourceKind: "hidden_test" as const, sourceKey: hiddenTestKey(outcome.challengeId, test.name) };
    if (test.status === "passed") retire.push(ref);
    else make.push({ ...ref, conceptSlug: outcome.concept, payload: { challengeId: outcome.challengeId, name: test.name, message: test.message ?? "" }, ...(strict ? { concealed: true } : {}) });
  }
  const strictRef = { sourceKind: "strict_failure" as const, sourceKey: outcome.challengeId };
  if (outcome.verdict === "passed") retire.push(strictRef);
  else if (strict && outcome.failed > 0) {
    make.push({ ...strictRef, conceptSlug: outcome.concept, payload: { challengeId: outcome.challengeId, failed: outcome.failed, total: outcome.total } });
  }
  return { make, retire };
}

/**
 * Rubric cards: the points not fully made (0 "missed" or 1 "partly", of RUBRIC_MAX_PER_POINT)
 * in the latest finished interview of each prompt; a point fully made there retires its card.
 * (The "scored 1 or 2 of 4" is the lower half of a four-step scale; the app's rubric has three steps.)
 */
export function rubricCards(interviews: Array<{ prompt: string; rubricScores: number[] | null; finishedAt: Date | null }>): CardChanges {
  const latest = new Map<string, number[]>();
  const finished = interviews.filter((i) => i.finishedAt && i.rubricScores).sort((a, b) => a.finishedAt!.getTime() - b.finishedAt!.getTime());
  for (const interview of finished) latest.set(interview.prompt, interview.rubricScores!);
  const make: CardSpec[] = [];
  const retire: CardRef[] = [];
  for (const [prompt, scores] of latest) {
    scores.forEach((score, index) => {
      const ref = { sourceKind: "rubric" as const, sourceKey: `${prompt}:${index}` };
      if (score < RUBRIC_MAX_PER_POINT) make.push({ ...ref, conceptSlug: "", payload: { prompt, point: index, score, outOf: RUBRIC_MAX_PER_POINT } });
      else retire.push(ref);
    });
  }
  return { make, retire };
}

export interface DesignCheckFailure {
  id: string;
  message: string;
  concept?: string;
}

/**
 * Design-check cards: the failed checks of the learner's last check (any interview);
 * cards of checks that did not fail there retire.
 */
export function designCheckCards(last: { prompt: string; failed: DesignCheckFailure[] } | null, existingKeys: string[]): CardChanges {
  if (!last) return { make: [], retire: [] };
  const make: CardSpec[] = last.failed.map((check) => ({
    sourceKind: "design_check",
    sourceKey: check.id,
    conceptSlug: check.concept ?? "",
    payload: { prompt: last.prompt, check: check.id, message: check.message },
  }));
  const failedIds = new Set(last.failed.map((check) => check.id));
  const retire: CardRef[] = existingKeys.filter((key) => !failedIds.has(key)).map((sourceKey) => ({ sourceKind: "design_check", sourceKey }));
  return { make, retire };
}
