// The browser-server contract of the design check (docs/design-check.md, "The API"):
// request bodies the routes validate and the replies the browser parses with
// lib/http/api-fetch.ts. No server-only imports.
import { z } from "zod";
import { boardSchema } from "../design/board";
import { CHECK_IDS } from "../design/catalog";
import type { DesignVerdict } from "../design/check";
import { interviewParamsSchema } from "../interview/contract";

/** A board of 200 nodes, 400 edges and 100 long notes fits; anything larger is a 413. */
export const BOARD_MAX_BODY_BYTES = 256 * 1024;

// The board itself is checked by lib/design's parser in the service, whose message names
// the node or edge and the field ("node 2 ("api"), field replicas: does not apply to a
// service"); here it only has to be present.
const boardField = z.unknown().refine((value) => value !== undefined, { error: "board is required" });

export const designCheckBodySchema = z.strictObject({
  prompt: z.string({ error: "prompt must be the slug of an interview prompt" }).min(1).max(100),
  board: boardField,
});

/** The largest version a writer can send: the stored version (a PostgreSQL integer) then reaches 2^31 - 1. */
export const MAX_BOARD_VERSION = 2_147_483_646;

export const boardParamsSchema = interviewParamsSchema;

export const saveBoardBodySchema = z.strictObject({
  board: boardField,
  version: z
    .number({ error: "version must be the board version you last saw (0 for none)" })
    .int({ error: "version must be a whole number" })
    .min(0, { error: "version must be at least 0" })
    // The column is a PostgreSQL integer.
    .max(MAX_BOARD_VERSION, { error: `version must be at most ${MAX_BOARD_VERSION}` }),
});

const checkResultSchema = z.object({
  id: z.enum(CHECK_IDS),
  status: z.enum(["passed", "failed"]),
  message: z.string().optional(),
  nodes: z.array(z.string()).optional(),
  concept: z.string().optional(),
});

// rho is finite for every board the parser accepts; JSON would turn an infinite one into null.
export const designVerdictSchema = z.object({
  prompt: z.string(),
  verdict: z.enum(["passed", "failed"]),
  checks: z.array(checkResultSchema),
  nodes: z.array(
    z.object({ id: z.string(), reads: z.number(), writes: z.number(), rho: z.number(), p99Ms: z.number().nullable(), hitRatio: z.number().optional() }),
  ),
  streams: z.array(z.object({ name: z.string(), p99Ms: z.number().nullable(), path: z.array(z.string()) })),
}) satisfies z.ZodType<DesignVerdict>;

/** The last check of an interview's board: its verdict and the board version it judged. */
export const boardCheckSchema = z.object({
  verdict: designVerdictSchema,
  boardVersion: z.number(),
  checkedAt: z.string(),
});
export type BoardCheckView = z.infer<typeof boardCheckSchema>;

/** GET /api/interviews/<id>/board. `board` is null and `version` 0 before the first save. */
export const interviewBoardSchema = z.object({
  board: boardSchema.nullable(),
  version: z.number(),
  updatedAt: z.string().nullable(),
  readOnly: z.boolean(),
  check: boardCheckSchema.nullable(),
});

export const boardSavedSchema = z.object({ version: z.number(), updatedAt: z.string() });
/** The details of a 409 on a board: what is stored, so the editor can merge or reload. */
export const boardConflictSchema = z.object({ board: boardSchema.nullable(), version: z.number() });
