import { expect, test } from "vitest";
import { advance, DEFAULT_PHASES, MINUTE_MS, startTimer, stateFromView, viewTimer } from "./timer";
import { interviewView, rubricPercent } from "./view";

const T0 = 1_700_000_000_000;

test("the API view has the fields the issue names, computed at the server's now", () => {
  const timer = advance(startTimer(DEFAULT_PHASES, T0), T0 + MINUTE_MS);
  const view = interviewView(
    { id: "i", prompt: "url-shortener", timer, rubricScores: null, createdAt: new Date(T0), finishedAt: null, notes: [{ phaseIndex: 0, text: "a", version: 3 }] },
    T0 + 2 * MINUTE_MS,
  );
  expect(view).toMatchObject({ id: "i", prompt: "url-shortener", status: "running", phaseIndex: 1, serverNow: T0 + 2 * MINUTE_MS, notes: [{ phaseIndex: 0, text: "a", version: 3 }] });
  expect(view.phases[0]).toEqual({ name: "Clarify requirements", plannedMs: 5 * MINUTE_MS, elapsedMs: MINUTE_MS, overrunMs: 0, runOver: false });
  expect(view.phases[1]?.elapsedMs).toBe(MINUTE_MS);
  // What the browser rebuilds from it matches the server later on.
  expect(viewTimer(stateFromView(view, view.serverNow), T0 + 20 * MINUTE_MS)).toEqual(viewTimer(timer, T0 + 20 * MINUTE_MS));
});

test("rubric percent: 0-2 per point, none until scored", () => {
  expect(rubricPercent(null, 8)).toBeNull();
  expect(rubricPercent([2, 2, 1, 0], 4)).toBe(63);
  expect(rubricPercent([2, 2], 2)).toBe(100);
  expect(rubricPercent([], 0)).toBeNull();
});
