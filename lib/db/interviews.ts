import "server-only";
import { applyAction, isTimerState, type TimerAction, type TimerState } from "../interview/timer";
import { AppError } from "../app-error";
import { db } from "./client";

/** Notes for one phase are capped so a runaway paste cannot fill the database. */
export const NOTE_MAX_BYTES = 100 * 1024;

export interface InterviewNoteRecord {
  phaseIndex: number;
  text: string;
  version: number;
}

export interface InterviewRecord {
  id: string;
  prompt: string;
  timer: TimerState;
  rubricScores: number[] | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface InterviewWithNotes extends InterviewRecord {
  notes: InterviewNoteRecord[];
}

const recordSelect = { id: true, prompt: true, timer: true, rubricScores: true, createdAt: true, finishedAt: true } as const;

interface Row {
  id: string;
  prompt: string;
  timer: unknown;
  rubricScores: unknown;
  createdAt: Date;
  finishedAt: Date | null;
}

function toRecord(row: Row): InterviewRecord {
  // A timer that is not a timer means the row was edited by hand or by a newer
  // release; failing loudly beats showing a clock that is silently wrong.
  if (!isTimerState(row.timer)) throw new Error(`interview ${row.id}: stored timer is not valid`);
  const scores = Array.isArray(row.rubricScores) && row.rubricScores.every((score) => typeof score === "number") ? (row.rubricScores as number[]) : null;
  return { id: row.id, prompt: row.prompt, timer: row.timer, rubricScores: scores, createdAt: row.createdAt, finishedAt: row.finishedAt };
}

const mirror = (timer: TimerState) => ({
  status: timer.status,
  phaseIndex: timer.phaseIndex,
  timer: timer as unknown as object,
  finishedAt: timer.finishedAt === null ? null : new Date(timer.finishedAt),
});

export async function createInterview(learnerId: string, prompt: string, timer: TimerState): Promise<InterviewWithNotes> {
  const row = await db().interview.create({ data: { learnerId, prompt, ...mirror(timer) }, select: recordSelect });
  return { ...toRecord(row), notes: [] };
}

/** One of this learner's interviews with its notes; another learner's id reads as not found. */
export async function getInterview(learnerId: string, id: string): Promise<InterviewWithNotes | null> {
  const row = await db().interview.findFirst({
    where: { id, learnerId },
    select: { ...recordSelect, notes: { select: { phaseIndex: true, text: true, version: true }, orderBy: { phaseIndex: "asc" } } },
  });
  return row ? { ...toRecord(row), notes: row.notes } : null;
}

/** The prompt slug of one of this learner's interviews, null when it is not theirs. */
export async function findInterviewPrompt(learnerId: string, id: string): Promise<string | null> {
  const row = await db().interview.findFirst({ where: { id, learnerId }, select: { prompt: true } });
  return row?.prompt ?? null;
}

/** The learner's interviews, newest first, without notes. */
export async function listInterviews(learnerId: string, limit = 100): Promise<InterviewRecord[]> {
  const rows = await db().interview.findMany({ where: { learnerId }, orderBy: { createdAt: "desc" }, take: limit, select: recordSelect });
  return rows.map(toRecord);
}

/**
 * Applies a timer action under a row lock, so two tabs pressing buttons at once
 * apply one after the other to the latest state. Null when the interview is not
 * this learner's; TimerTransitionError when the action does not fit the state.
 */
export async function applyInterviewAction(learnerId: string, id: string, action: TimerAction, now: number = Date.now()): Promise<InterviewWithNotes | null> {
  const updated = await db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Interview" WHERE id = ${id}::uuid AND "learnerId" = ${learnerId}::uuid FOR UPDATE`;
    if (locked.length === 0) return null;
    const row = await tx.interview.findUniqueOrThrow({ where: { id }, select: recordSelect });
    const next = applyAction(toRecord(row).timer, action, now);
    await tx.interview.update({ where: { id }, data: mirror(next), select: { id: true } });
    return true;
  });
  return updated ? getInterview(learnerId, id) : null;
}

export type SaveNoteResult = { saved: true; version: number } | { saved: false; text: string; version: number };

/**
 * Saves one phase's notes if `version` is the version the writer last saw (0 for
 * none yet); otherwise nothing changes and the stored text comes back, so the
 * writer can merge instead of overwriting. Null when the interview is not this learner's.
 */
export async function saveInterviewNote(
  learnerId: string,
  id: string,
  phaseIndex: number,
  text: string,
  version: number,
): Promise<SaveNoteResult | null> {
  if (!Number.isInteger(version) || version < 0) throw new AppError("bad_request", "version must be a whole number, 0 for a phase with no notes yet");
  if (typeof text !== "string") throw new AppError("bad_request", "text must be a string");
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > NOTE_MAX_BYTES) {
    throw new AppError("too_large", `notes for one phase are limited to 100 KB (these are ${Math.ceil(bytes / 1024)} KB); nothing was saved`);
  }
  const interview = await db().interview.findFirst({ where: { id, learnerId }, select: { id: true, timer: true } });
  if (!interview) return null;
  const phases = isTimerState(interview.timer) ? interview.timer.phases.length : 0;
  if (!Number.isInteger(phaseIndex) || phaseIndex < 0 || phaseIndex >= phases) {
    throw new AppError("bad_request", `phase must be a whole number from 0 to ${phases - 1}`);
  }
  if (version === 0) {
    const { count } = await db().interviewNote.createMany({ data: [{ interviewId: id, phaseIndex, text, version: 1 }], skipDuplicates: true });
    if (count === 1) return { saved: true, version: 1 };
  } else {
    const { count } = await db().interviewNote.updateMany({ where: { interviewId: id, phaseIndex, version }, data: { text, version: version + 1 } });
    if (count === 1) return { saved: true, version: version + 1 };
  }
  const current = await db().interviewNote.findUnique({
    where: { interviewId_phaseIndex: { interviewId: id, phaseIndex } },
    select: { text: true, version: true },
  });
  return { saved: false, text: current?.text ?? "", version: current?.version ?? 0 };
}

/** Stores the learner's self-assessment; only a finished interview can be scored. */
export async function saveRubricScores(learnerId: string, id: string, scores: number[]): Promise<InterviewRecord | null> {
  const interview = await db().interview.findFirst({ where: { id, learnerId }, select: { status: true } });
  if (!interview) return null;
  if (interview.status !== "finished") throw new AppError("conflict", "finish the interview before scoring it");
  const row = await db().interview.update({ where: { id }, data: { rubricScores: scores }, select: recordSelect });
  return toRecord(row);
}
