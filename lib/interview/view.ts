// The JSON an interview is sent as (GET /api/interviews/<id> and every action's answer).
import { viewTimer, type PhaseView, type TimerState, type TimerStatus } from "./timer";

export interface InterviewNoteView {
  phaseIndex: number;
  text: string;
  version: number;
}

export interface InterviewView {
  id: string;
  prompt: string;
  status: TimerStatus;
  phaseIndex: number;
  phases: PhaseView[];
  /** The server's clock when this was computed: the browser keeps time from it. */
  serverNow: number;
  notes: InterviewNoteView[];
  rubricScores: number[] | null;
  createdAt: string;
  finishedAt: string | null;
}

export function interviewView(
  record: { id: string; prompt: string; timer: TimerState; rubricScores: number[] | null; createdAt: Date; finishedAt: Date | null; notes?: InterviewNoteView[] },
  now: number,
): InterviewView {
  const view = viewTimer(record.timer, now);
  return {
    id: record.id,
    prompt: record.prompt,
    status: view.status,
    phaseIndex: view.phaseIndex,
    phases: view.phases,
    serverNow: now,
    notes: (record.notes ?? []).map(({ phaseIndex, text, version }) => ({ phaseIndex, text, version })),
    rubricScores: record.rubricScores,
    createdAt: record.createdAt.toISOString(),
    finishedAt: record.finishedAt ? record.finishedAt.toISOString() : null,
  };
}

/** Self-assessment: each rubric point scores 0 (missed), 1 (partly) or 2 (fully). */
export const RUBRIC_MAX_PER_POINT = 2;

export function rubricPercent(scores: readonly number[] | null, points: number): number | null {
  if (!scores || points === 0) return null;
  const total = scores.reduce((sum, score) => sum + score, 0);
  return Math.round((100 * total) / (points * RUBRIC_MAX_PER_POINT));
}
