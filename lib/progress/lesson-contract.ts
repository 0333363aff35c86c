// The browser-server contract of a lesson page's per-learner part: the page itself is
// static, and this arrives after it (GET /api/concepts/<slug>/learner). No server-only imports.
import { z } from "zod";
import { draftSchema, submissionRowSchema } from "../challenges/contract";

export const conceptStateSchema = z.enum(["not_started", "reading", "quiz_done", "solved"]);

export const lessonLearnerSchema = z.object({
  state: conceptStateSchema,
  lessonRead: z.boolean(),
  quiz: z.object({ correct: z.number(), total: z.number() }).nullable(),
  attempts: z.number(),
  /** The saved draft of the concept's challenge; null: none yet (the editor starts from the starter). */
  draft: draftSchema.nullable(),
  submissions: z.array(submissionRowSchema),
});
export type LessonLearnerDto = z.infer<typeof lessonLearnerSchema>;

/** The part of GET /api/progress the concept map on the home page reads. */
export const progressStatesSchema = z.object({
  concepts: z.array(z.object({ slug: z.string(), state: conceptStateSchema })),
  totals: z.object({ solved: z.number() }),
});
export type ProgressStatesDto = z.infer<typeof progressStatesSchema>;
