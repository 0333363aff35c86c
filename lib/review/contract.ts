// The browser-server contract of spaced review and strict mode: request bodies the routes
// validate and the replies the browser parses with lib/http/api-fetch.ts. No server-only imports.
import { z } from "zod";
import { uuidSchema } from "../http/ids";

export const cardParamsSchema = z.object({ card: uuidSchema });

export const gradeBodySchema = z.object({
  grade: z.number({ error: "grade must be a number from 1 (Again) to 4 (Easy)" }).int("grade must be a whole number from 1 to 4").min(1, "grade must be from 1 (Again) to 4 (Easy)").max(4, "grade must be from 1 (Again) to 4 (Easy)"),
  version: z.number({ error: "version is required (the card's version you were shown)" }).int().min(0).max(2 ** 31 - 1),
});
export type GradeBody = z.infer<typeof gradeBodySchema>;

/** Minutes to add to UTC for the learner's local day (the browser's -getTimezoneOffset()). */
export const summaryQuerySchema = z.object({
  offset: z
    .string()
    .regex(/^-?\d{1,4}$/, "offset: minutes east of UTC, a whole number")
    .transform(Number)
    .pipe(z.number().min(-840).max(840))
    .optional(),
});

export const strictBodySchema = z.object({ strict: z.boolean({ error: "strict must be true or false" }) });

const isoTime = z.iso.datetime({ offset: true });

export const reviewCardViewSchema = z.object({
  id: z.string(),
  version: z.number(),
  kind: z.enum(["quiz", "follow_up", "scenario", "hidden_test", "strict_failure", "rubric", "design_check"]),
  /** What kind of card, in words ("Quiz question", "Your failed test"). */
  kindLabel: z.string(),
  concept: z.object({ slug: z.string(), title: z.string() }).nullable(),
  question: z.string(),
  /** Quiz cards: the options to pick from, with the explanation of each. */
  options: z.array(z.object({ text: z.string(), correct: z.boolean(), explanation: z.string() })).optional(),
  answer: z.string(),
  explanation: z.string().optional(),
  link: z.object({ href: z.string(), label: z.string() }),
  due: isoTime,
  state: z.enum(["new", "learning", "review", "relearning"]),
  reps: z.number(),
});
export type ReviewCardView = z.infer<typeof reviewCardViewSchema>;

export const dueReplySchema = z.object({
  serverNow: isoTime,
  cards: z.array(reviewCardViewSchema),
  /** Cards due now beyond this list (the next request brings them). */
  more: z.number(),
  /** Live cards due later (not shown yet). */
  later: z.number(),
});
export type DueReply = z.infer<typeof dueReplySchema>;

export const gradeReplySchema = z.object({
  id: z.string(),
  version: z.number(),
  grade: z.number(),
  due: isoTime,
  scheduledDays: z.number(),
  state: z.enum(["new", "learning", "review", "relearning"]),
});
export type GradeReply = z.infer<typeof gradeReplySchema>;

export const reviewSummarySchema = z.object({
  dueNow: z.number(),
  dueToday: z.number(),
  /** Cards due on each of the next 7 days (day 0 is today, overdue included). */
  nextDays: z.array(z.object({ date: z.string(), count: z.number() })),
  /** Mean FSRS retrievability today of each concept's reviewed cards. */
  retention: z.array(z.object({ concept: z.string(), title: z.string(), retention: z.number(), cards: z.number() })),
  total: z.number(),
});
export type ReviewSummary = z.infer<typeof reviewSummarySchema>;

export const strictReplySchema = z.object({ strict: z.boolean() });
export type StrictReply = z.infer<typeof strictReplySchema>;
