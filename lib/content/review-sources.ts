// What spaced review (lib/review) needs from the lessons: each lesson's quiz and its
// interview follow-ups (the <FollowUp question="..."> blocks of the MDX), as text.
import { listConcepts } from "./catalog";
import { loadLessonSource } from "./lessons";
import { memoInProduction } from "./memo";
import type { QuizQuestion } from "./schemas";

export interface FollowUpItem {
  question: string;
  /** The answer as written in the lesson (Markdown paragraphs). */
  answer: string;
}

export interface LessonReviewSource {
  concept: string;
  title: string;
  quiz: QuizQuestion[];
  followUps: FollowUpItem[];
}

const FOLLOW_UP = /<FollowUp\s+question=(?:"([^"]*)"|'([^']*)'|\{"([^"]*)"\})\s*>([\s\S]*?)<\/FollowUp>/g;

/** The follow-ups of one lesson's MDX body, in order. */
export function parseFollowUps(body: string): FollowUpItem[] {
  return [...body.matchAll(FOLLOW_UP)].map((match) => ({
    question: (match[1] ?? match[2] ?? match[3] ?? "").trim(),
    answer: match[4]!.trim(),
  }));
}

/** Every available lesson's quiz and follow-ups. */
export function loadLessonReviewSources(): LessonReviewSource[] {
  return memoInProduction("lesson-review-sources", () =>
    listConcepts().flatMap((concept) => {
      const lesson = loadLessonSource(concept.slug);
      if (!lesson) return [];
      return [{ concept: concept.slug, title: concept.title, quiz: lesson.frontmatter.quiz, followUps: parseFollowUps(lesson.body) }];
    }),
  );
}
