// The browser-server contract of challenges: request bodies the routes validate and the
// replies the browser parses (lib/http/api-fetch.ts), one zod schema each. No server-only
// imports, so the editor can use it. The verdict schema also checks the judge's reply.
import { z } from "zod";
import { AppError } from "../app-error";
import { uuidSchema } from "../http/ids";
import { CHALLENGE_ID } from "../content/schemas";
import type { JudgeMode, Verdict } from "../judge/verdict";

export const MAX_CODE_BYTES = 64 * 1024;
/** Bodies carry code as JSON; escapes can make them several times the code itself. */
export const MAX_CODE_BODY_BYTES = 256 * 1024;

const utf8Bytes = (text: string) => new TextEncoder().encode(text).byteLength;

export const codeBodySchema = z.object(
  {
    code: z
      .string({ error: (issue) => (issue.input === undefined ? "code is required" : "code must be a string") })
      .refine((code) => utf8Bytes(code) <= MAX_CODE_BYTES, `code is larger than ${MAX_CODE_BYTES / 1024} KiB`),
  },
  { error: "body must be a JSON object with a code field" },
);

export const draftBodySchema = codeBodySchema.extend({
  /** The version of the draft the page last saved or loaded (ISO time), null when it had none. */
  baseUpdatedAt: z.iso.datetime({ offset: true, error: "baseUpdatedAt must be an ISO date-time" }).nullable().optional(),
});

export const challengeParamsSchema = z.object({
  concept: z.string().max(100),
  challenge: z.string().max(100),
});

export const judgeParamsSchema = challengeParamsSchema.extend({ mode: z.string() });

/** A mode that does not exist is a path that does not exist: 404, not 400. */
export function judgeModeOr404(mode: string): JudgeMode {
  if (mode === "run" || mode === "submit") return mode;
  throw new AppError("not_found", `unknown mode "${mode.slice(0, 40)}": use /run or /submit`);
}

export const submissionParamsSchema = z.object({ id: uuidSchema });

export const challengeQuerySchema = z.object({
  challenge: z.string({ error: "challenge is required" }).regex(CHALLENGE_ID, "challenge must look like <concept>/<challenge>"),
});

export const verdictKindSchema = z.enum(["passed", "failed", "compile_error", "runtime_error", "timeout", "memory_limit"]);

export const verdictSchema = z.object({
  challengeId: z.string(),
  mode: z.enum(["run", "submit"]),
  verdict: verdictKindSchema,
  passed: z.number().int().min(0),
  failed: z.number().int().min(0),
  total: z.number().int().min(0),
  tests: z.array(
    z.object({
      name: z.string(),
      status: z.enum(["passed", "failed"]),
      message: z.string().optional(),
      durationMs: z.number(),
    }),
  ),
  diagnostics: z.array(z.object({ line: z.number(), column: z.number(), message: z.string() })).optional(),
  logs: z.string(),
  durationMs: z.number(),
}) satisfies z.ZodType<Verdict>;

const isoTime = z.iso.datetime({ offset: true });

export const submissionRowSchema = z.object({
  id: z.string(),
  /** "draft": not judged, a draft kept when two drafts met (another tab, or an account merge). */
  mode: z.enum(["run", "submit", "draft"]),
  verdict: z.union([verdictKindSchema, z.literal("not_judged")]),
  passed: z.number(),
  total: z.number(),
  createdAt: isoTime,
});
export type SubmissionRow = z.infer<typeof submissionRowSchema>;

export const submissionListSchema = z.object({ submissions: z.array(submissionRowSchema) });

export const submissionDetailSchema = submissionRowSchema.extend({
  challengeId: z.string(),
  code: z.string(),
  /** The stored verdict JSON (or a note for a kept draft). */
  result: z.unknown(),
  contentHash: z.string(),
});
export type SubmissionDetail = z.infer<typeof submissionDetailSchema>;

export const judgeResponseSchema = verdictSchema.extend({
  /** Strict mode's variant (docs/ARCHITECTURE.md): a submit's tests, logs and messages are left out. */
  strict: z.literal(true).optional(),
  submission: submissionRowSchema,
  draftUpdatedAt: isoTime,
});
export type JudgeResponse = z.infer<typeof judgeResponseSchema>;

export const draftSchema = z.object({ code: z.string(), updatedAt: isoTime });
export type DraftDto = z.infer<typeof draftSchema>;

export const savedDraftSchema = z.object({ updatedAt: isoTime, replaced: isoTime.nullable() });
export type SavedDraftDto = z.infer<typeof savedDraftSchema>;
