// The mock interview's clock: a pure state machine. Every function takes `now`
// (epoch ms) instead of reading a clock, so the server, the browser and the tests
// all compute the same thing from the same stored state.
//
// Time passes without requests, so a stored state may be behind: `settle` replays
// the automatic phase changes that fell due since it was written. Every action
// settles first, then applies itself.

export type TimerStatus = "running" | "paused" | "finished";

export interface PlannedPhase {
  name: string;
  plannedMs: number;
}

export interface TimerState {
  version: 1;
  phases: PlannedPhase[];
  status: TimerStatus;
  phaseIndex: number;
  /** Time spent in each phase, up to `segmentStartedAt` for the current one. */
  elapsedMs: number[];
  /** Per phase: the learner chose to keep going past the planned time. */
  runOver: boolean[];
  /** When the current phase's running stretch began; null while paused or finished. */
  segmentStartedAt: number | null;
  startedAt: number;
  finishedAt: number | null;
}

export interface PhaseView {
  name: string;
  plannedMs: number;
  elapsedMs: number;
  overrunMs: number;
  runOver: boolean;
}

export interface TimerView {
  status: TimerStatus;
  phaseIndex: number;
  phases: PhaseView[];
  /** Planned time left in the current phase; negative once it runs over. */
  remainingMs: number;
  totalPlannedMs: number;
  totalElapsedMs: number;
}

export type TimerAction = "pause" | "resume" | "advance" | "finish" | "run-over";

/** An action that does not fit the timer's state (resuming a finished interview, say). */
export class TimerTransitionError extends Error {
  override name = "TimerTransitionError";
  constructor(
    readonly action: TimerAction,
    readonly status: TimerStatus,
    message: string,
  ) {
    super(message);
  }
}

export const DEFAULT_PHASES: ReadonlyArray<{ name: string; minutes: number }> = [
  { name: "Clarify requirements", minutes: 5 },
  { name: "High-level design", minutes: 10 },
  { name: "Deep dive", minutes: 20 },
  { name: "Bottlenecks and scale", minutes: 10 },
];

export const MINUTE_MS = 60_000;

export function startTimer(phases: ReadonlyArray<{ name: string; minutes: number }>, now: number): TimerState {
  if (phases.length === 0) throw new RangeError("an interview needs at least one phase");
  for (const phase of phases) {
    if (!(phase.minutes > 0) || !Number.isFinite(phase.minutes)) throw new RangeError(`phase "${phase.name}" needs a positive number of minutes`);
  }
  return {
    version: 1,
    phases: phases.map((phase) => ({ name: phase.name, plannedMs: Math.round(phase.minutes * MINUTE_MS) })),
    status: "running",
    phaseIndex: 0,
    elapsedMs: phases.map(() => 0),
    runOver: phases.map(() => false),
    segmentStartedAt: now,
    startedAt: now,
    finishedAt: null,
  };
}

const isLast = (state: TimerState) => state.phaseIndex === state.phases.length - 1;
const at = (values: number[], index: number) => values[index] ?? 0;

/**
 * Applies every automatic advance due by `now`. A running phase ends when its time is
 * up unless the learner chose to run over; the last phase has nowhere to go, so it
 * keeps counting as overrun until the learner finishes. A clock that went backwards
 * (now before the segment start) counts as no time passed.
 */
export function settle(state: TimerState, now: number): TimerState {
  if (state.status !== "running" || state.segmentStartedAt === null) return state;
  let phaseIndex = state.phaseIndex;
  let segmentStartedAt = state.segmentStartedAt;
  const elapsedMs = [...state.elapsedMs];
  while (phaseIndex < state.phases.length - 1 && !state.runOver[phaseIndex]) {
    const left = (state.phases[phaseIndex]?.plannedMs ?? 0) - at(elapsedMs, phaseIndex);
    const endsAt = segmentStartedAt + Math.max(0, left);
    if (now < endsAt) break;
    elapsedMs[phaseIndex] = at(elapsedMs, phaseIndex) + (endsAt - segmentStartedAt);
    phaseIndex += 1;
    segmentStartedAt = endsAt;
  }
  if (phaseIndex === state.phaseIndex) return state;
  return { ...state, phaseIndex, elapsedMs, segmentStartedAt };
}

/** Closes the running stretch at `now`, adding it to the current phase. */
function closeSegment(state: TimerState, now: number): number[] {
  const elapsedMs = [...state.elapsedMs];
  if (state.status === "running" && state.segmentStartedAt !== null) {
    elapsedMs[state.phaseIndex] = at(elapsedMs, state.phaseIndex) + Math.max(0, now - state.segmentStartedAt);
  }
  return elapsedMs;
}

function refuse(action: TimerAction, state: TimerState, message: string): never {
  throw new TimerTransitionError(action, state.status, message);
}

export function pause(state: TimerState, now: number): TimerState {
  const settled = settle(state, now);
  if (settled.status === "paused") refuse("pause", settled, "the interview is already paused");
  if (settled.status === "finished") refuse("pause", settled, "the interview has finished; there is nothing to pause");
  return { ...settled, status: "paused", elapsedMs: closeSegment(settled, now), segmentStartedAt: null };
}

export function resume(state: TimerState, now: number): TimerState {
  if (state.status === "running") refuse("resume", state, "the interview is already running");
  if (state.status === "finished") refuse("resume", state, "the interview has finished and cannot be resumed");
  return { ...state, status: "running", segmentStartedAt: now };
}

/** Moves to the next phase early; a paused interview stays paused. */
export function advance(state: TimerState, now: number): TimerState {
  const settled = settle(state, now);
  if (settled.status === "finished") refuse("advance", settled, "the interview has finished");
  if (isLast(settled)) refuse("advance", settled, "this is the last phase: finish the interview instead");
  return {
    ...settled,
    phaseIndex: settled.phaseIndex + 1,
    elapsedMs: closeSegment(settled, now),
    segmentStartedAt: settled.status === "running" ? now : null,
  };
}

/** Keeps the current phase going past its planned time; the overrun is recorded. */
export function runOver(state: TimerState, now: number): TimerState {
  const settled = settle(state, now);
  if (settled.status === "finished") refuse("run-over", settled, "the interview has finished");
  if (settled.runOver[settled.phaseIndex]) return settled;
  const flags = [...settled.runOver];
  flags[settled.phaseIndex] = true;
  return { ...settled, runOver: flags };
}

export function finish(state: TimerState, now: number): TimerState {
  const settled = settle(state, now);
  if (settled.status === "finished") refuse("finish", settled, "the interview has already finished");
  return { ...settled, status: "finished", elapsedMs: closeSegment(settled, now), segmentStartedAt: null, finishedAt: now };
}

export function applyAction(state: TimerState, action: TimerAction, now: number): TimerState {
  switch (action) {
    case "pause":
      return pause(state, now);
    case "resume":
      return resume(state, now);
    case "advance":
      return advance(state, now);
    case "finish":
      return finish(state, now);
    case "run-over":
      return runOver(state, now);
  }
}

/** What the clock shows at `now`: per-phase elapsed and overrun, time left in the current phase. */
export function viewTimer(state: TimerState, now: number): TimerView {
  const settled = settle(state, now);
  const elapsed = closeSegment(settled, now);
  const phases = settled.phases.map((phase, index) => {
    const elapsedMs = at(elapsed, index);
    return {
      name: phase.name,
      plannedMs: phase.plannedMs,
      elapsedMs,
      overrunMs: Math.max(0, elapsedMs - phase.plannedMs),
      runOver: settled.runOver[index] ?? false,
    };
  });
  const current = phases[settled.phaseIndex];
  return {
    status: settled.status,
    phaseIndex: settled.phaseIndex,
    phases,
    remainingMs: current ? current.plannedMs - current.elapsedMs : 0,
    totalPlannedMs: phases.reduce((sum, phase) => sum + phase.plannedMs, 0),
    totalElapsedMs: phases.reduce((sum, phase) => sum + phase.elapsedMs, 0),
  };
}

/**
 * Rebuilds a state from a view the server computed at `serverNow`, so the browser can
 * keep the clock going between requests with the same rules (automatic advances
 * included). Only the fields `viewTimer` needs are meaningful in the result.
 */
export function stateFromView(
  view: { status: TimerStatus; phaseIndex: number; phases: ReadonlyArray<Omit<PhaseView, "overrunMs">> },
  serverNow: number,
): TimerState {
  return {
    version: 1,
    phases: view.phases.map((phase) => ({ name: phase.name, plannedMs: phase.plannedMs })),
    status: view.status,
    phaseIndex: view.phaseIndex,
    elapsedMs: view.phases.map((phase) => phase.elapsedMs),
    runOver: view.phases.map((phase) => phase.runOver),
    segmentStartedAt: view.status === "running" ? serverNow : null,
    startedAt: serverNow,
    finishedAt: null,
  };
}

/** Validates a stored timer (a JSON column): anything else is treated as corrupt rather than trusted. */
export function isTimerState(value: unknown): value is TimerState {
  if (typeof value !== "object" || value === null) return false;
  const state = value as Partial<TimerState>;
  const count = Array.isArray(state.phases) ? state.phases.length : -1;
  return (
    state.version === 1 &&
    count > 0 &&
    (state.status === "running" || state.status === "paused" || state.status === "finished") &&
    Number.isInteger(state.phaseIndex) &&
    (state.phaseIndex ?? -1) >= 0 &&
    (state.phaseIndex ?? count) < count &&
    Array.isArray(state.elapsedMs) &&
    state.elapsedMs.length === count &&
    Array.isArray(state.runOver) &&
    state.runOver.length === count &&
    (state.segmentStartedAt === null || typeof state.segmentStartedAt === "number") &&
    typeof state.startedAt === "number"
  );
}

/** "4:05" left, or "+1:10" past the planned time. A countdown shows 0:01 until the last second is gone. */
export function formatClock(ms: number): string {
  const negative = ms < 0;
  const totalSeconds = negative ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${negative ? "+" : ""}${minutes}:${String(seconds).padStart(2, "0")}`;
}
