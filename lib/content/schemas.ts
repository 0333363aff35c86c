import { z } from "zod";

// The design check's workload (the `design:` key of an interview prompt) is defined with the model it feeds.
export { designWorkloadSchema } from "../design/workload";

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const CHALLENGE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const catalogSchema = z.object({
  concepts: z
    .array(
      z.object({
        slug: z.string().regex(SLUG),
        title: z.string().min(2),
        group: z.string().min(2),
        challenge: z.string().regex(CHALLENGE_ID),
        blurb: z.string().min(10),
      }),
    )
    .length(20, "the curriculum has exactly 20 concepts"),
});

export const challengeMetaSchema = z.object({
  id: z.string().regex(CHALLENGE_ID, "must be <concept>/<challenge>, kebab-case"),
  title: z.string().min(4),
  exports: z.array(z.string().regex(/^[A-Za-z_$][\w$]*$/)).min(1),
  summary: z.string().min(20),
});

const quizOptionSchema = z.object({
  text: z.string().min(1),
  correct: z.boolean().default(false),
  explanation: z.string().min(10, "every option needs its own explanation"),
});

export const quizQuestionSchema = z
  .object({
    question: z.string().min(10),
    options: z.array(quizOptionSchema).min(2).max(6),
  })
  .refine((q) => q.options.filter((o) => o.correct).length === 1, {
    message: "exactly one option must be correct",
    path: ["options"],
  });

export const lessonFrontmatterSchema = z.object({
  title: z.string().min(2),
  summary: z.string().min(20).max(300),
  concept: z.string().regex(SLUG),
  quiz: z.array(quizQuestionSchema).min(3, "a lesson has 3-5 quiz questions").max(5, "a lesson has 3-5 quiz questions"),
});

export type CatalogEntry = z.infer<typeof catalogSchema>["concepts"][number];
export type ChallengeMeta = z.infer<typeof challengeMetaSchema>;
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;
export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;
