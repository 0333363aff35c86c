import "server-only";
import { AppError } from "../app-error";
import { listConcepts } from "../content/catalog";
import { loadScenarios } from "../content/reference";
import { loadLessonReviewSources } from "../content/review-sources";
import { pastAnswers } from "../db/drills";
import { listInterviews } from "../db/interviews";
import { listProgress } from "../db/progress";
import * as cards from "../db/review-cards";
import type { Verdict } from "../judge/verdict";
import type { DueReply, GradeBody, GradeReply, ReviewCardView, ReviewSummary } from "./contract";
import { gradeCard, retrievability, type ReviewGrade } from "./scheduler";
import { contentCards, designCheckCards, rubricCards, submitCards, type CardChanges, type CardRef, type CardSpec, type DesignCheckFailure } from "./sources";
import { strictVerdict } from "./strict-verdict";
import { cardView, contentIndex, stateName, type ContentIndex } from "./view";

export type { DueReply, GradeReply, ReviewSummary } from "./contract";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Cards one due list carries; the rest come with the next request. */
export const DUE_PAGE = 50;

async function apply(learnerId: string, changes: CardChanges, now: Date): Promise<void> {
  await cards.makeCards(learnerId, changes.make, now);
  await cards.retireCards(learnerId, changes.retire, now);
}

function failedChecks(verdict: unknown): DesignCheckFailure[] {
  const checks = (verdict as { checks?: unknown } | null)?.checks;
  if (!Array.isArray(checks)) return [];
  return checks.flatMap((check: { id?: unknown; status?: unknown; message?: unknown; concept?: unknown }) =>
    check && typeof check.id === "string" && check.status === "failed"
      ? [{ id: check.id, message: typeof check.message === "string" ? check.message : "", ...(typeof check.concept === "string" ? { concept: check.concept } : {}) }]
      : [],
  );
}

/**
 * Brings the learner's cards up to what they have done: lesson cards for started concepts,
 * scenario cards for answered scenarios, rubric points and design checks. Hidden-test cards
 * are made on submit (recordSubmitCards). Idempotent: one insert that skips what exists.
 */
export async function syncCards(learnerId: string, now: Date): Promise<void> {
  const [progress, answers, interviews, lastCheck, designKeys] = await Promise.all([
    listProgress(learnerId),
    pastAnswers(learnerId),
    listInterviews(learnerId),
    cards.lastDesignCheck(learnerId),
    cards.liveKeysOfKind(learnerId, "design_check"),
  ]);
  const lessons = loadLessonReviewSources().map((l) => ({ concept: l.concept, quizQuestions: l.quiz.length, followUps: l.followUps.length }));
  const started = progress.filter((p) => p.lessonReadAt || p.quizAt || p.attempts > 0).map((p) => p.conceptSlug);
  const make = contentCards({ lessons, startedConcepts: started, scenarios: loadScenarios(), answeredScenarios: answers.map((a) => a.scenarioId) });
  const rubric = rubricCards(interviews);
  const design = designCheckCards(lastCheck ? { prompt: lastCheck.prompt, failed: failedChecks(lastCheck.verdict) } : null, designKeys);
  // Only what would change: most calls find every card already made (one read, no write).
  const existing = new Map((await cards.listAllCards(learnerId)).map((card) => [`${card.sourceKind}\0${card.sourceKey}`, card]));
  const changed = (spec: CardSpec) => {
    const card = existing.get(`${spec.sourceKind}\0${spec.sourceKey}`);
    return !card || card.retiredAt !== null || (spec.payload !== undefined && stableJson(card.payload) !== stableJson(spec.payload));
  };
  const live = (ref: CardRef) => {
    const card = existing.get(`${ref.sourceKind}\0${ref.sourceKey}`);
    return card !== undefined && card.retiredAt === null;
  };
  await apply(learnerId, { make: [...make, ...rubric.make, ...design.make].filter(changed), retire: [...rubric.retire, ...design.retire].filter(live) }, now);
}

function stableJson(value: unknown): string {
  if (!value || typeof value !== "object") return JSON.stringify(value ?? null);
  return JSON.stringify(Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))));
}

/** The cards due at `now`, oldest due first, each with its question and answer. */
export async function dueCards(learnerId: string | null, now = new Date()): Promise<DueReply> {
  if (!learnerId) return { serverNow: now.toISOString(), cards: [], more: 0, later: 0 };
  await syncCards(learnerId, now);
  const live = await cards.listLiveCards(learnerId);
  const views: ReviewCardView[] = [];
  let later = 0;
  let more = 0;
  let content: ContentIndex | undefined;
  for (const card of live) {
    if (card.due.getTime() > now.getTime()) {
      later++;
      continue;
    }
    if (views.length >= DUE_PAGE) {
      more++;
      continue;
    }
    // A card whose content was removed since it was made is skipped, not shown blank.
    const view = cardView(card, (content ??= contentIndex()));
    if (view) views.push(view);
  }
  return { serverNow: now.toISOString(), cards: views, more, later };
}

function notFound(cardId: string): AppError {
  return new AppError("not_found", `no review card "${cardId}" for this learner`);
}

/** Grades a card (1 Again .. 4 Easy) if `version` is still its version; a stale one is a 409. */
export async function gradeReviewCard(learnerId: string | null, cardId: string, body: GradeBody, now = new Date()): Promise<GradeReply> {
  if (!learnerId) throw notFound(cardId);
  const card = await cards.findCard(learnerId, cardId);
  if (!card || card.retiredAt || card.concealed) throw notFound(cardId);
  const stale = (version: number) =>
    new AppError("conflict", `this card was graded elsewhere (another tab?) since you opened it; it is at version ${version}, you sent ${body.version}`, { details: { version } });
  if (card.version !== body.version) throw stale(card.version);
  const next = gradeCard(card, body.grade as ReviewGrade, now);
  const result = await cards.storeGrade(learnerId, cardId, body.version, next, { grade: body.grade, state: card.state, reviewedAt: now });
  if (result.kind === "not_found") throw notFound(cardId);
  if (result.kind === "stale") throw stale(result.version);
  const saved = result.card;
  return { id: saved.id, version: saved.version, grade: body.grade, due: saved.due.toISOString(), scheduledDays: saved.scheduledDays, state: stateName(saved.state) };
}

function localDay(time: number, offsetMinutes: number): string {
  return new Date(time + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Due now, today and on each of the next 7 days (in the learner's local day), and retention per concept. */
export async function reviewSummary(learnerId: string | null, now = new Date(), offsetMinutes = 0): Promise<ReviewSummary> {
  const days = Array.from({ length: 7 }, (_, i) => localDay(now.getTime() + i * DAY_MS, offsetMinutes));
  const empty: ReviewSummary = { dueNow: 0, dueToday: 0, nextDays: days.map((date) => ({ date, count: 0 })), retention: [], total: 0 };
  if (!learnerId) return empty;
  await syncCards(learnerId, now);
  const live = await cards.listLiveCards(learnerId);
  const counts = new Map(days.map((date) => [date, 0]));
  const byConcept = new Map<string, number[]>();
  let dueNow = 0;
  for (const card of live) {
    if (card.due.getTime() <= now.getTime()) dueNow++;
    // Overdue cards count for today.
    const day = card.due.getTime() <= now.getTime() ? days[0]! : localDay(card.due.getTime(), offsetMinutes);
    if (counts.has(day)) counts.set(day, counts.get(day)! + 1);
    if (card.conceptSlug && card.reps > 0) byConcept.set(card.conceptSlug, [...(byConcept.get(card.conceptSlug) ?? []), retrievability(card, now)]);
  }
  const retention = listConcepts().flatMap((concept) => {
    const values = byConcept.get(concept.slug);
    if (!values?.length) return [];
    return [{ concept: concept.slug, title: concept.title, retention: values.reduce((a, b) => a + b, 0) / values.length, cards: values.length }];
  });
  return { dueNow, dueToday: counts.get(days[0]!) ?? 0, nextDays: days.map((date) => ({ date, count: counts.get(date) ?? 0 })), retention, total: live.length };
}

/**
 * After a submit is stored: cards for the hidden tests it failed, retirement of those it
 * passed (concealed while strict). Answers the verdict the HTTP reply may carry: strict
 * mode's variant for a strict learner's submit, else the verdict itself.
 */
export async function recordSubmitCards(input: {
  learnerId: string;
  concept: string;
  verdict: Verdict;
  now?: Date;
  /** The learner's strict-mode flag when the caller has already read it (the submit's first statement does). */
  strict?: boolean;
}): Promise<Verdict> {
  const { learnerId, verdict } = input;
  if (verdict.mode !== "submit") return verdict;
  const strict = input.strict ?? (await cards.getStrictMode(learnerId));
  await apply(learnerId, submitCards({ ...verdict, concept: input.concept }, strict), input.now ?? new Date());
  return strict ? strictVerdict(verdict) : verdict;
}

/** A stored submission's verdict as this learner may read it over HTTP (strict mode hides a submit's tests). */
export async function verdictForReader(learnerId: string, result: unknown, mode: string): Promise<unknown> {
  if (mode !== "submit" || !result || typeof result !== "object" || !Array.isArray((result as Verdict).tests)) return result;
  return (await cards.getStrictMode(learnerId)) ? strictVerdict(result as Verdict) : result;
}

export async function strictMode(learnerId: string | null): Promise<{ strict: boolean }> {
  return { strict: learnerId ? await cards.getStrictMode(learnerId) : false };
}

/** Turns strict mode on or off; leaving it shows the named cards made while strict. */
export async function setStrictMode(learnerId: string, strict: boolean, now = new Date()): Promise<{ strict: boolean }> {
  const was = await cards.setStrictMode(learnerId, strict);
  if (was && !strict) await cards.revealConcealedCards(learnerId, now);
  return { strict };
}
