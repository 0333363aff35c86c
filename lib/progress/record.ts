import "server-only";
import { z } from "zod";
import { findConcept } from "../content/catalog";
import { markLessonRead, recordQuiz } from "../db/progress";
import { HttpError } from "../http/errors";

export const progressEventSchema = z.discriminatedUnion(
  "event",
  [
    z.object({ event: z.literal("lesson_read") }),
    z.object({
      event: z.literal("quiz"),
      correct: z.number().int().min(0).max(100),
      total: z.number().int().min(1).max(100),
    }),
  ],
  { error: 'event must be "lesson_read" or "quiz"' },
);
export type ProgressEvent = z.infer<typeof progressEventSchema>;

/** Records a lesson read or a quiz result for a concept that exists. */
export async function recordProgressEvent(learnerId: string, conceptSlug: string, event: ProgressEvent): Promise<void> {
  const concept = findConcept(conceptSlug);
  if (!concept?.available) throw new HttpError(404, `unknown concept "${conceptSlug}"`);
  if (event.event === "lesson_read") return markLessonRead(learnerId, concept.slug);
  if (event.correct > event.total) throw new HttpError(400, "correct cannot be more than total");
  return recordQuiz(learnerId, concept.slug, event.correct, event.total);
}
