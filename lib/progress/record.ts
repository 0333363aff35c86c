import "server-only";
import type { ProgressEvent } from "./contract";
import { findConcept } from "../content/catalog";
import { markLessonRead, recordQuiz } from "../db/progress";
import { AppError } from "../app-error";

/** Records a lesson read or a quiz result for a concept that exists. */
export async function recordProgressEvent(learnerId: string, conceptSlug: string, event: ProgressEvent): Promise<void> {
  const concept = findConcept(conceptSlug);
  if (!concept?.available) throw new AppError("not_found", `unknown concept "${conceptSlug}"`);
  if (event.event === "lesson_read") return markLessonRead(learnerId, concept.slug);
  if (event.correct > event.total) throw new AppError("bad_request", "correct cannot be more than total");
  return recordQuiz(learnerId, concept.slug, event.correct, event.total);
}
