import "server-only";
import { listConcepts } from "../content/catalog";
import { listProgress, type ConceptProgressRow } from "../db/progress";
import { activeDays, recentSubmissions } from "../db/submissions";

/** Where a learner stands with a concept; the map colours by it. */
export type ConceptState = "not_started" | "reading" | "quiz_done" | "solved";

export function conceptState(row: ConceptProgressRow | undefined): ConceptState {
  if (!row) return "not_started";
  if (row.solvedAt) return "solved";
  if (row.quizAt) return "quiz_done";
  if (row.lessonReadAt || row.attempts > 0) return "reading";
  return "not_started";
}

/** Consecutive active days ending today or yesterday (UTC), from days sorted newest first. */
export function streak(days: string[], today = new Date()): number {
  const dayMs = 86_400_000;
  const key = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const set = new Set(days);
  let cursor = today.getTime();
  if (!set.has(key(cursor))) cursor -= dayMs;
  let count = 0;
  while (set.has(key(cursor))) {
    count += 1;
    cursor -= dayMs;
  }
  return count;
}

export interface ProgressReport {
  concepts: Array<{
    slug: string;
    title: string;
    group: string;
    available: boolean;
    state: ConceptState;
    lessonReadAt: string | null;
    quiz: { correct: number; total: number; at: string } | null;
    solvedAt: string | null;
    attempts: number;
  }>;
  totals: { concepts: number; available: number; read: number; quizDone: number; solved: number; percent: number };
  streakDays: number;
  activeDays: string[];
}

/** The caller's progress over the whole catalog (an unknown learner has none). */
export async function progressReport(learnerId: string | null): Promise<ProgressReport> {
  const rows = learnerId ? await listProgress(learnerId) : [];
  const days = learnerId ? await activeDays(learnerId) : [];
  const bySlug = new Map(rows.map((row) => [row.conceptSlug, row]));
  const concepts = listConcepts().map((concept) => {
    const row = bySlug.get(concept.slug);
    return {
      slug: concept.slug,
      title: concept.title,
      group: concept.group,
      available: concept.available,
      state: conceptState(row),
      lessonReadAt: row?.lessonReadAt?.toISOString() ?? null,
      quiz: row?.quizAt && row.quizTotal !== null && row.quizCorrect !== null ? { correct: row.quizCorrect, total: row.quizTotal, at: row.quizAt.toISOString() } : null,
      solvedAt: row?.solvedAt?.toISOString() ?? null,
      attempts: row?.attempts ?? 0,
    };
  });
  const available = concepts.filter((concept) => concept.available).length;
  const solved = concepts.filter((concept) => concept.state === "solved").length;
  // Overall: each concept counts reading, quiz and challenge as a third each.
  const points = concepts.reduce(
    (sum, concept) => sum + (concept.lessonReadAt ? 1 : 0) + (concept.quiz ? 1 : 0) + (concept.solvedAt ? 1 : 0),
    0,
  );
  return {
    concepts,
    totals: {
      concepts: concepts.length,
      available,
      read: concepts.filter((concept) => concept.lessonReadAt).length,
      quizDone: concepts.filter((concept) => concept.quiz).length,
      solved,
      percent: available === 0 ? 0 : Math.round((points / (available * 3)) * 100),
    },
    streakDays: streak(days),
    activeDays: days.slice(0, 60),
  };
}

/** What to do next: the first available concept not yet solved, and the step within it. */
export function nextStep(report: ProgressReport): { slug: string; title: string; action: string } | null {
  const next = report.concepts.find((concept) => concept.available && concept.state !== "solved");
  if (!next) return null;
  const action = next.state === "not_started" ? "Read the lesson" : next.state === "reading" ? "Take the quiz" : "Solve the challenge";
  return { slug: next.slug, title: next.title, action };
}

export async function recentActivity(learnerId: string | null) {
  if (!learnerId) return [];
  return recentSubmissions(learnerId, 10);
}
