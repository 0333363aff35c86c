// What challenge test files import as "@blueprint/test". The same module runs inside
// the sandbox (one fresh copy per run) and natively for benchmarks.
import type { Clock, Timers } from "./support";
import { seededRandom } from "../../random/seeded-random";

export { expect, AssertionError } from "./expect";

export interface RegisteredTest {
  name: string;
  fn: () => void | Promise<void>;
}

const registered: RegisteredTest[] = [];
let registrationOpen = true;

/** Registers a test. Tests run in declaration order, one at a time. */
export function test(name: string, fn: () => void | Promise<void>): void {
  if (!registrationOpen) throw new Error("test() must be called while the test file loads");
  if (registered.some((existing) => existing.name === name)) throw new Error(`duplicate test name: ${name}`);
  registered.push({ name, fn });
}

/** Closes registration and hands the tests to the runner (called once by the harness). */
export function takeRegisteredTests(): RegisteredTest[] {
  registrationOpen = false;
  return registered.slice();
}

export interface FakeClock {
  /** The clock to inject into learner code. */
  now: Clock;
  advance(ms: number): void;
  set(ms: number): void;
}

/** A clock that only moves when the test says so. */
export function createClock(startMs = 0): FakeClock {
  let current = startMs;
  return {
    now: () => current,
    advance(ms) {
      current += ms;
    },
    set(ms) {
      current = ms;
    },
  };
}

/**
 * Fake timers driven by the test. Learner code gets only `forLearner` (setTimeout and
 * clearTimeout, as support's Timers): handed the whole object, it could call advance()
 * to move the test's time or replace it to act whenever the test moves time. FakeTimers
 * itself is not a Timers, so passing it where learner code wants Timers is a type error.
 */
export interface FakeTimers {
  /** The timers to inject into learner code: frozen, with no way to move time. */
  readonly forLearner: Timers;
  /** Moves the clock forward, firing due timers in time order (ties in creation order). */
  advance(ms: number): void;
  /** How many timers are scheduled and not cleared. */
  pending(): number;
}

/** Fake timers bound to a fake clock: timers fire only inside advance(). */
export function createTimers(clock: FakeClock): FakeTimers {
  let nextId = 1;
  const scheduled = new Map<number, { at: number; fn: () => void }>();
  const due = (limit: number) => {
    let best: [number, { at: number; fn: () => void }] | undefined;
    for (const entry of scheduled) {
      if (entry[1].at <= limit && (!best || entry[1].at < best[1].at)) best = entry;
    }
    return best;
  };
  const forLearner: Timers = Object.freeze({
    setTimeout(fn: () => void, ms: number) {
      const id = nextId++;
      scheduled.set(id, { at: clock.now() + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout(id: number) {
      scheduled.delete(id);
    },
  });
  return {
    forLearner,
    advance(ms) {
      const target = clock.now() + ms;
      for (let next = due(target); next; next = due(target)) {
        scheduled.delete(next[0]);
        if (next[1].at > clock.now()) clock.set(next[1].at);
        next[1].fn();
      }
      clock.set(target);
    },
    pending: () => scheduled.size,
  };
}

/** A deterministic PRNG (mulberry32): the same seed gives the same sequence in every run. */
export { seededRandom };

/** An integer in [min, max] from a seeded PRNG. */
export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Lets pending promise callbacks run (there are no real timers in the sandbox). */
export async function settle(turns = 20): Promise<void> {
  for (let i = 0; i < turns; i++) await Promise.resolve();
}

/** Runs fn and returns what it threw (undefined if nothing). */
export function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}
