// The browser-server contract of decision drills: request bodies the routes validate and
// the replies the browser parses with lib/http/api-fetch.ts. No server-only imports.
import { z } from "zod";
import { uuidSchema } from "../http/ids";

export const roundParamsSchema = z.object({ round: uuidSchema });

export const answerBodySchema = z.object({
  scenarioId: z.string().min(1).max(100),
  chosen: z.string().min(1).max(100),
});
export type AnswerBody = z.infer<typeof answerBodySchema>;

const roundScoreSchema = z.object({ total: z.number(), answered: z.number(), correct: z.number() });

export const drillFeedbackSchema = z.object({
  scenarioId: z.string(),
  chosen: z.string(),
  correct: z.boolean(),
  answer: z.string(),
  answerTitle: z.string(),
  reason: z.string(),
  lessonHref: z.string(),
});
export type DrillFeedback = z.infer<typeof drillFeedbackSchema>;

/** What a browser may see of a round: scenario texts, and the right answer only once answered. */
export const publicRoundSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  scenarios: z.array(z.object({ id: z.string(), text: z.string() })),
  feedback: z.array(drillFeedbackSchema),
  score: roundScoreSchema,
});
export type PublicRound = z.infer<typeof publicRoundSchema>;

export const answerResultSchema = drillFeedbackSchema.extend({ score: roundScoreSchema });
export type AnswerResult = z.infer<typeof answerResultSchema>;

export const drillHistorySchema = z.object({
  rounds: z.array(z.object({ id: z.string(), createdAt: z.string(), finishedAt: z.string().nullable(), score: roundScoreSchema })),
  mostMissed: z.array(
    z.object({ id: z.string(), text: z.string(), concept: z.string(), conceptTitle: z.string(), misses: z.number(), hits: z.number() }),
  ),
});
export type DrillHistory = z.infer<typeof drillHistorySchema>;
