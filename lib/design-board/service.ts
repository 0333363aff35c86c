import "server-only";
// The design check behind the routes and pages (docs/design-check.md, "The API"): the
// stateless check of a board against a prompt, and each interview's board with versions
// and its last check. lib/design decides; this file loads the prompt's workload, guards
// the input, limits the rate and stores. Another learner's interview is the same 404 as
// one that does not exist.
import { AppError } from "../app-error";
import { loadInterviewPrompt } from "../content/interviews";
import * as boards from "../db/interview-boards";
import type { Prisma } from "../db/generated/client";
import { takeToken } from "../db/rate-limits";
import { parseBoard, type Board } from "../design/board";
import { checkDesign, failedChecks, type DesignVerdict } from "../design/check";
import type { DesignWorkload } from "../design/workload";
import { env } from "../env";
import { retryAfter } from "../rate-limit/token-bucket";
import { designVerdictSchema, type BoardCheckView } from "./contract";

const notFound = () => new AppError("not_found", "interview not found");

/** A prompt's workload; a 404 for a prompt that does not exist or has no design check. */
function workloadOf(slug: string): DesignWorkload {
  const prompt = loadInterviewPrompt(slug);
  if (!prompt) throw new AppError("not_found", `there is no interview prompt "${slug.slice(0, 100)}"`);
  if (!prompt.design) throw new AppError("not_found", `the prompt "${slug}" has no design check`);
  return prompt.design;
}

/** The board, or a 400 whose message names the node or edge and the field. */
function boardOrBadRequest(input: unknown): Board {
  const parsed = parseBoard(input);
  if (!parsed.ok) throw new AppError("bad_request", parsed.error);
  return parsed.board;
}

/**
 * Design checks share the judge's mechanism and rate (BLUEPRINT_JUDGE_RATE_PER_MINUTE per
 * learner, a token bucket in PostgreSQL) in a bucket of their own, so checking a design
 * never costs a code run and the reverse. `at` fixes the clock in tests.
 */
export async function takeDesignCheckToken(learnerId: string, options: { perMinute?: number; at?: Date } = {}): Promise<void> {
  const perMinute = options.perMinute ?? env().BLUEPRINT_JUDGE_RATE_PER_MINUTE;
  const refillPerSecond = perMinute / 60;
  const { allowed, tokens } = await takeToken(`design-check:${learnerId}`, perMinute, refillPerSecond, options.at);
  if (allowed) return;
  const retryAfterSeconds = retryAfter(tokens, refillPerSecond);
  throw new AppError("rate_limited", `You have checked designs a lot in the last minute; try again in ${retryAfterSeconds} s. Your board is unchanged.`, {
    retryAfterSeconds,
  });
}

/** POST /api/design/check: the verdict of a board under a prompt's workload; nothing is stored. */
export async function checkBoardForPrompt(options: { learnerId: string; prompt: string; board: unknown; at?: Date; perMinute?: number }): Promise<DesignVerdict> {
  const workload = workloadOf(options.prompt);
  const board = boardOrBadRequest(options.board);
  await takeDesignCheckToken(options.learnerId, { at: options.at, perMinute: options.perMinute });
  return checkDesign(board, workload, options.prompt);
}

export interface InterviewBoardView {
  board: Board | null;
  version: number;
  updatedAt: string | null;
  /** The interview has finished: the board can be read and checked, not saved. */
  readOnly: boolean;
  check: BoardCheckView | null;
}

function checkView(check: boards.BoardCheckRecord | null): BoardCheckView | null {
  if (!check) return null;
  // Stored by this code, so it parses; a row edited by hand shows as "not checked" rather than breaking the page.
  const verdict = designVerdictSchema.safeParse(check.verdict);
  return verdict.success ? { verdict: verdict.data, boardVersion: check.boardVersion, checkedAt: check.checkedAt.toISOString() } : null;
}

function storedBoard(board: unknown): Board | null {
  if (board === null) return null;
  const parsed = parseBoard(board);
  return parsed.ok ? parsed.board : null;
}

/** GET /api/interviews/<id>/board. */
export async function getMyBoard(options: { learnerId: string; id: string }): Promise<InterviewBoardView> {
  const record = await boards.getInterviewBoard(options.learnerId, options.id);
  if (!record) throw notFound();
  return {
    board: storedBoard(record.board),
    version: record.version,
    updatedAt: record.updatedAt?.toISOString() ?? null,
    readOnly: record.finished,
    check: checkView(record.check),
  };
}

/**
 * PUT /api/interviews/<id>/board: saves the board if `version` is the one the writer last
 * saw. A stale version is a 409 whose details carry the stored board and version, so the
 * editor can merge; a finished interview's board is read-only (403).
 */
export async function saveMyBoard(options: { learnerId: string; id: string; board: unknown; version: number }): Promise<{ version: number; updatedAt: string }> {
  const board = boardOrBadRequest(options.board);
  const result = await boards.saveInterviewBoard(options.learnerId, options.id, board as unknown as Prisma.InputJsonValue, options.version);
  if (!result) throw notFound();
  if (result.saved) return { version: result.version, updatedAt: result.updatedAt.toISOString() };
  if (result.reason === "finished") throw new AppError("forbidden", "this interview has finished: its board is read-only. Nothing was saved.");
  throw new AppError("conflict", "this board changed elsewhere (another tab?); here is what is saved. Nothing was overwritten.", {
    details: { board: result.board, version: result.version },
  });
}

/**
 * POST /api/interviews/<id>/board/check: checks the board as stored (save first, then
 * check: the verdict is always of a board the server holds) and stores the verdict with
 * the version it judged. Allowed after Finish too: checking changes nothing on the board.
 */
export async function checkMyBoard(options: { learnerId: string; id: string; now?: Date; perMinute?: number }): Promise<BoardCheckView> {
  const record = await boards.getInterviewBoard(options.learnerId, options.id);
  if (!record) throw notFound();
  if (record.board === null) throw new AppError("conflict", "this interview has no board yet: save one (PUT .../board) before checking it");
  const workload = workloadOf(record.prompt);
  const parsed = parseBoard(record.board);
  if (!parsed.ok) throw new AppError("conflict", `the saved board is no longer valid (${parsed.error}); save it again`);
  const checkedAt = options.now ?? new Date();
  await takeDesignCheckToken(options.learnerId, { at: options.now, perMinute: options.perMinute });
  const verdict = checkDesign(parsed.board, workload, record.prompt);
  await boards.saveBoardCheck(options.learnerId, options.id, {
    verdict: verdict as unknown as Prisma.InputJsonValue,
    status: verdict.verdict,
    failed: failedChecks(verdict),
    boardVersion: record.version,
    checkedAt,
  });
  return { verdict, boardVersion: record.version, checkedAt: checkedAt.toISOString() };
}

/** For the history: each interview's last design check, by interview id. */
export async function myBoardCheckSummaries(learnerId: string | null, interviewIds: string[]): Promise<Map<string, boards.BoardCheckSummary>> {
  if (!learnerId) return new Map();
  return boards.listBoardCheckSummaries(learnerId, interviewIds);
}
