// The browser-server contract of progress: the events a lesson page reports. No server-only imports.
import { z } from "zod";

export const conceptParamsSchema = z.object({ concept: z.string().max(100) });

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
