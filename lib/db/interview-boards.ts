import "server-only";
import { db } from "./client";
import type { Prisma } from "./generated/client";

// An interview's design board and its last check. Every function takes the learner and
// answers null for an interview that is not theirs, so another learner's id reads as
// not found.

export interface BoardCheckRecord {
  verdict: unknown;
  boardVersion: number;
  checkedAt: Date;
}

export interface InterviewBoardRecord {
  interviewId: string;
  prompt: string;
  finished: boolean;
  /** Null before the first save. */
  board: unknown;
  version: number;
  updatedAt: Date | null;
  check: BoardCheckRecord | null;
}

export interface BoardCheckSummary {
  status: "passed" | "failed";
  failed: string[];
  boardVersion: number;
  /** The board was saved again after this check. */
  stale: boolean;
}

const savedSelect = { version: true, updatedAt: true } as const;
const boardSelect = { board: true, version: true, updatedAt: true, checkVerdict: true, checkBoardVersion: true, checkedAt: true } as const;

type BoardRow = { board: unknown; version: number; updatedAt: Date; checkVerdict: unknown; checkBoardVersion: number | null; checkedAt: Date | null };

function checkOf(row: BoardRow | null): BoardCheckRecord | null {
  if (!row || row.checkVerdict === null || row.checkBoardVersion === null || row.checkedAt === null) return null;
  return { verdict: row.checkVerdict, boardVersion: row.checkBoardVersion, checkedAt: row.checkedAt };
}

/** The interview's board (null board and version 0 when none is saved yet) with its last check. */
export async function getInterviewBoard(learnerId: string, interviewId: string): Promise<InterviewBoardRecord | null> {
  const interview = await db().interview.findFirst({
    where: { id: interviewId, learnerId },
    select: { id: true, prompt: true, status: true, board: { select: boardSelect } },
  });
  if (!interview) return null;
  const row = interview.board;
  return {
    interviewId: interview.id,
    prompt: interview.prompt,
    finished: interview.status === "finished",
    board: row?.board ?? null,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt ?? null,
    check: checkOf(row),
  };
}

export type SaveBoardResult =
  | { saved: true; version: number; updatedAt: Date }
  | { saved: false; reason: "stale"; board: unknown; version: number }
  | { saved: false; reason: "finished" };

/**
 * Saves the board if `version` is the one the writer last saw (0 for none yet) and the
 * interview has not finished; otherwise nothing changes and the stored board comes back.
 * The version test and the write are one statement, so two tabs cannot both win.
 */
export async function saveInterviewBoard(learnerId: string, interviewId: string, board: Prisma.InputJsonValue, version: number): Promise<SaveBoardResult | null> {
  const interview = await db().interview.findFirst({ where: { id: interviewId, learnerId }, select: { status: true } });
  if (!interview) return null;
  if (interview.status === "finished") return { saved: false, reason: "finished" };
  if (version === 0) {
    const [created] = await db().interviewBoard.createManyAndReturn({ data: [{ interviewId, board, version: 1 }], skipDuplicates: true, select: savedSelect });
    if (created) return { saved: true, ...created };
  } else {
    // Finishing between the read above and this write must not let a save through.
    const [updated] = await db().interviewBoard.updateManyAndReturn({
      where: { interviewId, version, interview: { learnerId, status: { not: "finished" } } },
      data: { board, version: version + 1 },
      select: savedSelect,
    });
    if (updated) return { saved: true, ...updated };
  }
  const current = await db().interviewBoard.findUnique({ where: { interviewId }, select: { board: true, version: true, interview: { select: { status: true } } } });
  if (current?.interview.status === "finished") return { saved: false, reason: "finished" };
  return { saved: false, reason: "stale", board: current?.board ?? null, version: current?.version ?? 0 };
}

/**
 * Stores a check's verdict against the board version it judged, unless a check of a newer
 * version is already stored (two checks racing: the newer board's verdict stays).
 */
export async function saveBoardCheck(
  learnerId: string,
  interviewId: string,
  check: { verdict: Prisma.InputJsonValue; status: "passed" | "failed"; failed: string[]; boardVersion: number; checkedAt: Date },
): Promise<boolean> {
  const { count } = await db().interviewBoard.updateMany({
    where: {
      interviewId,
      interview: { learnerId },
      OR: [{ checkBoardVersion: null }, { checkBoardVersion: { lte: check.boardVersion } }],
    },
    data: { checkVerdict: check.verdict, checkStatus: check.status, checkFailed: check.failed, checkBoardVersion: check.boardVersion, checkedAt: check.checkedAt },
  });
  return count === 1;
}

/** The last check of each of these interviews that has one (for the history), by interview id. */
export async function listBoardCheckSummaries(learnerId: string, interviewIds: string[]): Promise<Map<string, BoardCheckSummary>> {
  if (interviewIds.length === 0) return new Map();
  const rows = await db().interviewBoard.findMany({
    where: { interviewId: { in: interviewIds }, interview: { learnerId }, checkStatus: { not: null } },
    select: { interviewId: true, version: true, checkStatus: true, checkFailed: true, checkBoardVersion: true },
  });
  return new Map(
    rows.map((row) => [
      row.interviewId,
      {
        status: row.checkStatus === "passed" ? "passed" : "failed",
        failed: row.checkFailed,
        boardVersion: row.checkBoardVersion ?? 0,
        stale: row.checkBoardVersion !== row.version,
      },
    ]),
  );
}
