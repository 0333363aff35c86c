import { describe, expect, test } from "vitest";
import {
  advance,
  applyAction,
  DEFAULT_PHASES,
  finish,
  formatClock,
  isTimerState,
  MINUTE_MS,
  pause,
  resume,
  runOver,
  settle,
  startTimer,
  stateFromView,
  TimerTransitionError,
  viewTimer,
  type TimerState,
} from "./timer";

const T0 = 1_700_000_000_000;
const min = (m: number) => m * MINUTE_MS;
const start = () => startTimer(DEFAULT_PHASES, T0);
const elapsed = (state: TimerState, now: number) => viewTimer(state, now).phases.map((phase) => phase.elapsedMs);
const overrun = (state: TimerState, now: number) => viewTimer(state, now).phases.map((phase) => phase.overrunMs);

describe("start", () => {
  test("runs the first phase with the planned minutes", () => {
    const state = start();
    const view = viewTimer(state, T0);
    expect(view.status).toBe("running");
    expect(view.phaseIndex).toBe(0);
    expect(view.phases.map((phase) => phase.plannedMs)).toEqual([min(5), min(10), min(20), min(10)]);
    expect(view.remainingMs).toBe(min(5));
    expect(view.totalPlannedMs).toBe(min(45));
  });

  test("rejects no phases and non-positive minutes", () => {
    expect(() => startTimer([], T0)).toThrow(RangeError);
    expect(() => startTimer([{ name: "x", minutes: 0 }], T0)).toThrow(RangeError);
    expect(() => startTimer([{ name: "x", minutes: Number.NaN }], T0)).toThrow(RangeError);
  });

  test("counts down while running", () => {
    const view = viewTimer(start(), T0 + 61_500);
    expect(view.remainingMs).toBe(min(5) - 61_500);
    expect(view.phases[0]?.elapsedMs).toBe(61_500);
  });
});

describe("automatic advance", () => {
  test("one millisecond before the end the phase is still current", () => {
    expect(viewTimer(start(), T0 + min(5) - 1).phaseIndex).toBe(0);
  });

  test("at exactly the planned time the next phase starts, with no overrun", () => {
    const view = viewTimer(start(), T0 + min(5));
    expect(view.phaseIndex).toBe(1);
    expect(view.phases[0]).toMatchObject({ elapsedMs: min(5), overrunMs: 0 });
    expect(view.phases[1]?.elapsedMs).toBe(0);
  });

  test("several phases can fall due between two looks at the clock", () => {
    const now = T0 + min(5 + 10 + 20) + 7_000;
    const view = viewTimer(start(), now);
    expect(view.phaseIndex).toBe(3);
    expect(elapsed(start(), now)).toEqual([min(5), min(10), min(20), 7_000]);
  });

  test("the last phase does not end by itself: it counts as overrun", () => {
    const now = T0 + min(45) + 90_000;
    const view = viewTimer(start(), now);
    expect(view.status).toBe("running");
    expect(view.phaseIndex).toBe(3);
    expect(view.phases[3]).toMatchObject({ elapsedMs: min(10) + 90_000, overrunMs: 90_000 });
    expect(view.remainingMs).toBe(-90_000);
  });

  test("a phase the learner runs over keeps going and records the overrun", () => {
    let state = runOver(start(), T0 + min(4));
    const view = viewTimer(state, T0 + min(7));
    expect(view.phaseIndex).toBe(0);
    expect(view.phases[0]).toMatchObject({ elapsedMs: min(7), overrunMs: min(2), runOver: true });
    state = advance(state, T0 + min(7));
    expect(viewTimer(state, T0 + min(8)).phases.map((phase) => phase.overrunMs)).toEqual([min(2), 0, 0, 0]);
    expect(viewTimer(state, T0 + min(8)).phases[1]?.elapsedMs).toBe(min(1));
  });

  test("running over one phase does not stop the next from ending on time", () => {
    const state = advance(runOver(start(), T0), T0 + min(6));
    const view = viewTimer(state, T0 + min(6) + min(10));
    expect(view.phaseIndex).toBe(2);
    expect(overrun(state, T0 + min(16))).toEqual([min(1), 0, 0, 0]);
  });

  test("settle leaves a paused or finished timer alone and returns the same object when nothing is due", () => {
    const running = start();
    expect(settle(running, T0 + 10)).toBe(running);
    const paused = pause(running, T0 + 10);
    expect(settle(paused, T0 + min(60))).toBe(paused);
  });

  test("a clock that goes backwards counts as no time passed", () => {
    const state = start();
    expect(elapsed(state, T0 - 5_000)).toEqual([0, 0, 0, 0]);
    expect(viewTimer(state, T0 - 5_000).phaseIndex).toBe(0);
  });
});

describe("pause and resume", () => {
  test("a paused clock stands still, and resumes where it stopped", () => {
    let state = pause(start(), T0 + min(2));
    expect(viewTimer(state, T0 + min(30)).status).toBe("paused");
    expect(elapsed(state, T0 + min(30))).toEqual([min(2), 0, 0, 0]);
    state = resume(state, T0 + min(30));
    expect(viewTimer(state, T0 + min(31)).phases[0]?.elapsedMs).toBe(min(3));
    expect(viewTimer(state, T0 + min(33)).phaseIndex).toBe(1);
  });

  test("pausing after the phase fell due pauses the next phase with the right split", () => {
    const state = pause(start(), T0 + min(6));
    expect(state.phaseIndex).toBe(1);
    expect(elapsed(state, T0 + min(9))).toEqual([min(5), min(1), 0, 0]);
  });

  test("pause while paused, resume while running, and both once finished are refused", () => {
    const paused = pause(start(), T0 + 1);
    expect(() => pause(paused, T0 + 2)).toThrow(/already paused/);
    expect(() => resume(start(), T0 + 2)).toThrow(/already running/);
    const done = finish(start(), T0 + 3);
    expect(() => pause(done, T0 + 4)).toThrow(TimerTransitionError);
    expect(() => resume(done, T0 + 4)).toThrow(/cannot be resumed/);
  });
});

describe("advance", () => {
  test("moves to the next phase early, keeping the time spent", () => {
    const state = advance(start(), T0 + min(3));
    expect(state.phaseIndex).toBe(1);
    expect(elapsed(state, T0 + min(4))).toEqual([min(3), min(1), 0, 0]);
  });

  test("while paused it moves on and stays paused", () => {
    const state = advance(pause(start(), T0 + min(1)), T0 + min(2));
    expect(viewTimer(state, T0 + min(10)).status).toBe("paused");
    expect(elapsed(state, T0 + min(10))).toEqual([min(1), 0, 0, 0]);
  });

  test("is refused on the last phase and after finishing", () => {
    const last = advance(advance(advance(start(), T0 + 1), T0 + 2), T0 + 3);
    expect(last.phaseIndex).toBe(3);
    expect(() => advance(last, T0 + 4)).toThrow(/last phase/);
    expect(() => advance(finish(start(), T0 + 1), T0 + 2)).toThrow(/finished/);
  });

  test("applies to the phase that is current after settling, not the stored one", () => {
    const state = advance(start(), T0 + min(5) + 1_000);
    expect(state.phaseIndex).toBe(2);
    expect(elapsed(state, T0 + min(5) + 1_000)).toEqual([min(5), 1_000, 0, 0]);
  });
});

describe("run over", () => {
  test("is idempotent and refused once finished", () => {
    const once = runOver(start(), T0 + 1);
    expect(runOver(once, T0 + 2)).toBe(once);
    expect(() => runOver(finish(start(), T0), T0 + 1)).toThrow(TimerTransitionError);
  });

  test("chosen after the time is up applies to the phase that is now current", () => {
    const state = runOver(start(), T0 + min(5) + 1);
    expect(state.phaseIndex).toBe(1);
    expect(state.runOver).toEqual([false, true, false, false]);
  });
});

describe("finish", () => {
  test("stops the clock for good and records when", () => {
    const state = finish(start(), T0 + min(12));
    expect(state.finishedAt).toBe(T0 + min(12));
    const view = viewTimer(state, T0 + min(99));
    expect(view.status).toBe("finished");
    expect(view.phaseIndex).toBe(1);
    expect(view.totalElapsedMs).toBe(min(12));
  });

  test("from paused keeps the paused time out", () => {
    const state = finish(pause(start(), T0 + min(1)), T0 + min(50));
    expect(viewTimer(state, T0 + min(50)).totalElapsedMs).toBe(min(1));
  });

  test("twice is refused", () => {
    expect(() => finish(finish(start(), T0), T0 + 1)).toThrow(/already finished/);
  });
});

describe("applyAction", () => {
  test("dispatches each action by name", () => {
    expect(applyAction(start(), "pause", T0 + 1).status).toBe("paused");
    expect(applyAction(pause(start(), T0), "resume", T0 + 1).status).toBe("running");
    expect(applyAction(start(), "advance", T0 + 1).phaseIndex).toBe(1);
    expect(applyAction(start(), "finish", T0 + 1).status).toBe("finished");
    expect(applyAction(start(), "run-over", T0 + 1).runOver[0]).toBe(true);
  });

  test("the error names the action and the state it was refused in", () => {
    try {
      applyAction(finish(start(), T0), "resume", T0 + 1);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TimerTransitionError);
      expect(error).toMatchObject({ action: "resume", status: "finished" });
    }
  });
});

describe("a state survives JSON and rebuilds from a view", () => {
  test("a stored state read back keeps the clock", () => {
    const stored = JSON.parse(JSON.stringify(pause(advance(start(), T0 + min(2)), T0 + min(3)))) as unknown;
    expect(isTimerState(stored)).toBe(true);
    const state = resume(stored as TimerState, T0 + min(10));
    expect(elapsed(state, T0 + min(11))).toEqual([min(2), min(2), 0, 0]);
  });

  test("isTimerState rejects what is not a timer", () => {
    expect(isTimerState(null)).toBe(false);
    expect(isTimerState({ ...start(), phaseIndex: 4 })).toBe(false);
    expect(isTimerState({ ...start(), elapsedMs: [0] })).toBe(false);
    expect(isTimerState({ ...start(), status: "stopped" })).toBe(false);
  });

  test("the browser's rebuilt state shows what the server would at a later moment", () => {
    const server = runOver(advance(start(), T0 + min(2)), T0 + min(3));
    const serverNow = T0 + min(4);
    const view = viewTimer(server, serverNow);
    const rebuilt = stateFromView(view, serverNow);
    for (const later of [serverNow, serverNow + min(9), serverNow + min(30)]) {
      expect(viewTimer(rebuilt, later)).toEqual(viewTimer(server, later));
    }
    const paused = pause(server, serverNow);
    expect(viewTimer(stateFromView(viewTimer(paused, serverNow), serverNow), serverNow + min(5))).toEqual(viewTimer(paused, serverNow + min(5)));
  });
});

test("formatClock counts down by whole seconds and marks overrun with a plus", () => {
  expect(formatClock(min(5))).toBe("5:00");
  expect(formatClock(1)).toBe("0:01");
  expect(formatClock(0)).toBe("0:00");
  expect(formatClock(-999)).toBe("+0:00");
  expect(formatClock(-61_000)).toBe("+1:01");
});
