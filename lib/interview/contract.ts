// The browser-server contract of mock interviews: request bodies the routes validate and
// the replies the browser parses with lib/http/api-fetch.ts. No server-only imports.
import { z } from "zod";
import { AppError } from "../app-error";
import { uuidSchema } from "../http/ids";
import type { TimerAction } from "./timer";
import { RUBRIC_MAX_PER_POINT, type InterviewView } from "./view";

export const TIMER_ACTIONS = ["pause", "resume", "advance", "finish", "run-over"] as const satisfies readonly TimerAction[];

export const interviewParamsSchema = z.object({ id: uuidSchema });

// An action that does not exist is a path that does not exist: 404, not 400.
export const interviewActionParamsSchema = interviewParamsSchema.extend({ action: z.string() });

export function timerActionOr404(action: string): TimerAction {
  if ((TIMER_ACTIONS as readonly string[]).includes(action)) return action as TimerAction;
  throw new AppError("not_found", `unknown interview action "${action.slice(0, 40)}"; one of ${TIMER_ACTIONS.join(", ")}`);
}

export const noteParamsSchema = interviewParamsSchema.extend({
  phaseIndex: z.string().regex(/^\d{1,2}$/, "phase index must be a small whole number").transform(Number),
});

export const createInterviewBodySchema = z
  .object({ prompt: z.string({ error: "prompt must be the slug of an interview prompt" }).min(1).max(100) })
  .strict();

export const noteBodySchema = z.object({
  text: z.string({ error: "text must be a string" }),
  // The upper bound is PostgreSQL's integer: past it the database, not the schema, would refuse (a 500).
  version: z.number({ error: "version must be the version you last saw (0 for none)" }).int().min(0).max(2 ** 31 - 1),
});
/** JSON escapes can make a body up to six times its text; the 100 KB limit on the text itself has its own message. */
export const NOTE_MAX_BODY_BYTES = 700 * 1024;

export const rubricBodySchema = z.object({
  scores: z.array(z.number().int().min(0).max(RUBRIC_MAX_PER_POINT, `each score is 0, 1 or ${RUBRIC_MAX_PER_POINT}`)).max(20),
});

const phaseViewSchema = z.object({ name: z.string(), plannedMs: z.number(), elapsedMs: z.number(), overrunMs: z.number(), runOver: z.boolean() });

export const interviewViewSchema = z.object({
  id: z.string(),
  prompt: z.string(),
  status: z.enum(["running", "paused", "finished"]),
  phaseIndex: z.number(),
  phases: z.array(phaseViewSchema),
  serverNow: z.number(),
  notes: z.array(z.object({ phaseIndex: z.number(), text: z.string(), version: z.number() })),
  rubricScores: z.array(z.number()).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
}) satisfies z.ZodType<InterviewView>;

export const interviewListSchema = z.object({ interviews: z.array(interviewViewSchema) });

export const noteSavedSchema = z.object({ version: z.number() });
/** The details of a 409 on a note: what is stored, so the page can merge. */
export const noteConflictSchema = z.object({ text: z.string(), version: z.number() });

export const rubricSavedSchema = z.object({ scores: z.array(z.number()), percent: z.number().nullable() });
