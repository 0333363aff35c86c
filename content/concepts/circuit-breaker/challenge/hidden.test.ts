import { createClock, expect, randomInt, seededRandom, settle, test } from "@blueprint/test";
import { CircuitBreaker, CircuitOpenError } from "./solution";

// ---- helpers --------------------------------------------------------------------

interface Outcome<T> {
  status: "pending" | "resolved" | "rejected";
  value?: T;
  error?: unknown;
}

/** Starts a call and records how it settles, without ever awaiting it (a wrong solution may never settle). */
function track<T>(start: () => Promise<T>): Outcome<T> {
  const outcome: Outcome<T> = { status: "pending" };
  try {
    start().then(
      (value) => {
        outcome.status = "resolved";
        outcome.value = value;
      },
      (error: unknown) => {
        outcome.status = "rejected";
        outcome.error = error;
      },
    );
  } catch (error) {
    outcome.status = "rejected";
    outcome.error = error;
  }
  return outcome;
}

/** A call whose outcome the test decides later. */
function manual<T>() {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  let calls = 0;
  const fn = () => {
    calls++;
    return new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
  };
  return {
    fn,
    resolve: (value: T) => resolve(value),
    reject: (error: unknown) => reject(error),
    calls: () => calls,
  };
}

function counted<T>(impl: () => Promise<T>) {
  const probe = { calls: 0, fn: () => impl() };
  probe.fn = () => {
    probe.calls++;
    return impl();
  };
  return probe;
}

const fail = () => Promise.reject(new Error("down"));
const succeed = () => Promise.resolve("ok");

function make(overrides: Partial<{ failureThreshold: number; resetTimeoutMs: number; halfOpenMaxCalls: number; successThreshold: number }> = {}) {
  const clock = createClock(10_000);
  const breaker = new CircuitBreaker({
    failureThreshold: 3,
    resetTimeoutMs: 1000,
    halfOpenMaxCalls: 1,
    successThreshold: 1,
    now: clock.now,
    ...overrides,
  });
  return { clock, breaker };
}

async function failTimes(breaker: CircuitBreaker, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    track(() => breaker.call(fail));
    await settle();
  }
}

function isOpenError(error: unknown): boolean {
  return error instanceof CircuitOpenError && (error as Error).name === "CircuitOpenError";
}

// ---- CLOSED ---------------------------------------------------------------------

test("closed: passes calls through and returns their values", async () => {
  const { breaker } = make();
  expect(breaker.state).toBe("CLOSED");
  const outcome = track(() => breaker.call(() => Promise.resolve("hidden-canary:circuit-breaker")));
  await settle();
  expect(outcome).toEqual({ status: "resolved", value: "hidden-canary:circuit-breaker" });
});

test("closed: failures below the threshold keep the circuit closed", async () => {
  const { breaker } = make({ failureThreshold: 4 });
  await failTimes(breaker, 3);
  expect(breaker.state).toBe("CLOSED");
  await failTimes(breaker, 1);
  expect(breaker.state).toBe("OPEN");
});

test("closed: a success resets the consecutive failure count", async () => {
  const { breaker } = make({ failureThreshold: 3 });
  await failTimes(breaker, 2);
  track(() => breaker.call(succeed));
  await settle();
  await failTimes(breaker, 2);
  expect(breaker.state).toBe("CLOSED");
  await failTimes(breaker, 1);
  expect(breaker.state).toBe("OPEN");
});

test("closed: a failed call rejects with the original error when there is no fallback", async () => {
  const { breaker } = make();
  const original = new Error("exact error");
  const outcome = track(() => breaker.call(() => Promise.reject(original)));
  await settle();
  expect(outcome.status).toBe("rejected");
  expect(outcome.error).toBe(original);
});

test("closed: concurrent calls are not limited by halfOpenMaxCalls", async () => {
  const { breaker } = make({ halfOpenMaxCalls: 1 });
  const slow = manual<string>();
  const outcomes = [0, 1, 2, 3].map(() => track(() => breaker.call(slow.fn)));
  await settle();
  expect(slow.calls()).toBe(4);
  expect(outcomes.every((o) => o.status === "pending")).toBe(true);
});

test("closed: a synchronous throw from fn counts as a failure and reaches the caller", async () => {
  const { breaker } = make({ failureThreshold: 2 });
  const boom = new Error("sync boom");
  const thrower = (): Promise<string> => {
    throw boom;
  };
  const first = track(() => breaker.call(thrower));
  await settle();
  expect(first.status).toBe("rejected");
  expect(first.error).toBe(boom);
  track(() => breaker.call(thrower));
  await settle();
  expect(breaker.state).toBe("OPEN");
});

test("closed: a failure with a fallback returns the fallback and still counts", async () => {
  const { breaker } = make({ failureThreshold: 2 });
  const first = track(() => breaker.call(fail, () => "fallback value"));
  await settle();
  expect(first).toEqual({ status: "resolved", value: "fallback value" });
  track(() => breaker.call(fail, () => "fallback value"));
  await settle();
  expect(breaker.state).toBe("OPEN");
});

test("closed: an async fallback's value is returned", async () => {
  const { breaker } = make();
  const outcome = track(() => breaker.call(fail, () => Promise.resolve(42)));
  await settle();
  expect(outcome).toEqual({ status: "resolved", value: 42 });
});

// ---- OPEN -----------------------------------------------------------------------

test("open: rejects with CircuitOpenError without calling fn", async () => {
  const { breaker } = make({ failureThreshold: 1 });
  await failTimes(breaker, 1);
  const probe = counted(succeed);
  const outcome = track(() => breaker.call(probe.fn));
  await settle();
  expect(outcome.status).toBe("rejected");
  expect(isOpenError(outcome.error)).toBe(true);
  expect(outcome.error).toBeInstanceOf(Error);
  expect(probe.calls).toBe(0);
});

test("open: returns the fallback's value without calling fn", async () => {
  const { breaker } = make({ failureThreshold: 1 });
  await failTimes(breaker, 1);
  const probe = counted(succeed);
  const outcome = track(() => breaker.call(probe.fn, () => "stale but useful"));
  await settle();
  expect(outcome).toEqual({ status: "resolved", value: "stale but useful" });
  expect(probe.calls).toBe(0);
});

test("open: stays open until exactly resetTimeoutMs has passed", async () => {
  const { breaker, clock } = make({ failureThreshold: 1, resetTimeoutMs: 5000 });
  await failTimes(breaker, 1);
  clock.advance(4999);
  expect(breaker.state).toBe("OPEN");
  clock.advance(1);
  expect(breaker.state).toBe("HALF_OPEN");
});

test("open: the timeout runs from the failure that opened the circuit", async () => {
  const { breaker, clock } = make({ failureThreshold: 2, resetTimeoutMs: 1000 });
  await failTimes(breaker, 1);
  clock.advance(700);
  await failTimes(breaker, 1);
  clock.advance(999);
  expect(breaker.state).toBe("OPEN");
  clock.advance(1);
  expect(breaker.state).toBe("HALF_OPEN");
});

test("open: refused calls do not extend the timeout", async () => {
  const { breaker, clock } = make({ failureThreshold: 1, resetTimeoutMs: 1000 });
  await failTimes(breaker, 1);
  for (let i = 0; i < 9; i++) {
    clock.advance(100);
    track(() => breaker.call(succeed));
    await settle();
  }
  clock.advance(100);
  expect(breaker.state).toBe("HALF_OPEN");
});

test("open: reads HALF_OPEN after the timeout even before any call", async () => {
  const { breaker, clock } = make({ failureThreshold: 1, resetTimeoutMs: 250 });
  await failTimes(breaker, 1);
  clock.advance(10_000);
  expect(breaker.state).toBe("HALF_OPEN");
  expect(breaker.state).toBe("HALF_OPEN");
});

test("open: a call after the timeout is admitted as a trial without reading state first", async () => {
  const { breaker, clock } = make({ failureThreshold: 1, resetTimeoutMs: 1000, successThreshold: 1 });
  await failTimes(breaker, 1);
  clock.advance(1000);
  const probe = counted(succeed);
  const outcome = track(() => breaker.call(probe.fn));
  await settle();
  expect(probe.calls).toBe(1);
  expect(outcome).toEqual({ status: "resolved", value: "ok" });
  expect(breaker.state).toBe("CLOSED");
});

// ---- HALF_OPEN ------------------------------------------------------------------

test("half-open: successThreshold successful trials close the circuit", async () => {
  const { breaker, clock } = make({ failureThreshold: 1, successThreshold: 3 });
  await failTimes(breaker, 1);
  clock.advance(1000);
  for (let i = 0; i < 2; i++) {
    track(() => breaker.call(succeed));
    await settle();
    expect(breaker.state).toBe("HALF_OPEN");
  }
  track(() => breaker.call(succeed));
  await settle();
  expect(breaker.state).toBe("CLOSED");
});

test("half-open: one failure reopens even when failureThreshold is larger", async () => {
  const { breaker, clock } = make({ failureThreshold: 5 });
  await failTimes(breaker, 5);
  clock.advance(1000);
  expect(breaker.state).toBe("HALF_OPEN");
  await failTimes(breaker, 1);
  expect(breaker.state).toBe("OPEN");
});

test("half-open: a failure after some successful trials still reopens", async () => {
  const { breaker, clock } = make({ failureThreshold: 2, successThreshold: 3 });
  await failTimes(breaker, 2);
  clock.advance(1000);
  for (let i = 0; i < 2; i++) {
    track(() => breaker.call(succeed));
    await settle();
  }
  await failTimes(breaker, 1);
  expect(breaker.state).toBe("OPEN");
});

test("half-open: reopening starts a fresh timeout", async () => {
  const { breaker, clock } = make({ failureThreshold: 1, resetTimeoutMs: 1000 });
  await failTimes(breaker, 1);
  clock.advance(1500);
  await failTimes(breaker, 1);
  clock.advance(999);
  expect(breaker.state).toBe("OPEN");
  clock.advance(1);
  expect(breaker.state).toBe("HALF_OPEN");
});

test("half-open: the fresh timeout starts when the failed trial settles", async () => {
  const { breaker, clock } = make({ failureThreshold: 1, resetTimeoutMs: 1000 });
  await failTimes(breaker, 1);
  clock.advance(1000);
  const trial = manual<string>();
  track(() => breaker.call(trial.fn));
  await settle();
  clock.advance(400);
  trial.reject(new Error("late failure"));
  await settle();
  expect(breaker.state).toBe("OPEN");
  clock.advance(999);
  expect(breaker.state).toBe("OPEN");
  clock.advance(1);
  expect(breaker.state).toBe("HALF_OPEN");
});

test("half-open: a synchronous throw from a trial reopens the circuit", async () => {
  const { breaker, clock } = make({ failureThreshold: 3 });
  await failTimes(breaker, 3);
  clock.advance(1000);
  const outcome = track(() =>
    breaker.call((): Promise<string> => {
      throw new Error("sync in trial");
    }),
  );
  await settle();
  expect(outcome.status).toBe("rejected");
  expect(breaker.state).toBe("OPEN");
});

test("half-open: extra calls beyond halfOpenMaxCalls are refused without calling fn", async () => {
  const { breaker, clock } = make({ failureThreshold: 1, halfOpenMaxCalls: 2, successThreshold: 5 });
  await failTimes(breaker, 1);
  clock.advance(1000);
  const trial = manual<string>();
  const first = track(() => breaker.call(trial.fn));
  const second = track(() => breaker.call(trial.fn));
  const probe = counted(succeed);
  const third = track(() => breaker.call(probe.fn));
  await settle();
  expect(trial.calls()).toBe(2);
  expect(probe.calls).toBe(0);
  expect(first.status).toBe("pending");
  expect(second.status).toBe("pending");
  expect(third.status).toBe("rejected");
  expect(isOpenError(third.error)).toBe(true);
  expect(breaker.state).toBe("HALF_OPEN");
});

test("half-open: a refused extra call gets the fallback", async () => {
  const { breaker, clock } = make({ failureThreshold: 1, halfOpenMaxCalls: 1, successThreshold: 2 });
  await failTimes(breaker, 1);
  clock.advance(1000);
  const trial = manual<string>();
  track(() => breaker.call(trial.fn));
  const probe = counted(succeed);
  const extra = track(() => breaker.call(probe.fn, () => "degraded"));
  await settle();
  expect(extra).toEqual({ status: "resolved", value: "degraded" });
  expect(probe.calls).toBe(0);
});

test("half-open: a settled trial frees its slot", async () => {
  const { breaker, clock } = make({ failureThreshold: 1, halfOpenMaxCalls: 1, successThreshold: 3 });
  await failTimes(breaker, 1);
  clock.advance(1000);
  for (let round = 0; round < 2; round++) {
    const trial = manual<string>();
    const admitted = track(() => breaker.call(trial.fn));
    const refused = track(() => breaker.call(succeed));
    await settle();
    expect(trial.calls()).toBe(1);
    expect(refused.status).toBe("rejected");
    trial.resolve("fine");
    await settle();
    expect(admitted).toEqual({ status: "resolved", value: "fine" });
  }
  expect(breaker.state).toBe("HALF_OPEN");
  track(() => breaker.call(succeed));
  await settle();
  expect(breaker.state).toBe("CLOSED");
});

test("half-open: closing resets the failure count for the new CLOSED period", async () => {
  const { breaker, clock } = make({ failureThreshold: 2, successThreshold: 1 });
  await failTimes(breaker, 2);
  clock.advance(1000);
  track(() => breaker.call(succeed));
  await settle();
  expect(breaker.state).toBe("CLOSED");
  await failTimes(breaker, 1);
  expect(breaker.state).toBe("CLOSED");
  await failTimes(breaker, 1);
  expect(breaker.state).toBe("OPEN");
});

// ---- outcomes that arrive after the state changed ---------------------------------

test("late outcomes: a CLOSED call that fails after the circuit opened changes nothing", async () => {
  const { breaker, clock } = make({ failureThreshold: 2, resetTimeoutMs: 1000 });
  const slow = manual<string>();
  const late = track(() => breaker.call(slow.fn));
  await failTimes(breaker, 2);
  expect(breaker.state).toBe("OPEN");
  clock.advance(600);
  slow.reject(new Error("late"));
  await settle();
  expect(late.status).toBe("rejected");
  expect((late.error as Error).message).toBe("late");
  clock.advance(400); // the original timeout, not a fresh one
  expect(breaker.state).toBe("HALF_OPEN");
});

test("late outcomes: a CLOSED call that succeeds during HALF_OPEN is not a trial", async () => {
  const { breaker, clock } = make({ failureThreshold: 1, halfOpenMaxCalls: 1, successThreshold: 1 });
  const slow = manual<string>();
  const late = track(() => breaker.call(slow.fn));
  await failTimes(breaker, 1);
  clock.advance(1000);
  expect(breaker.state).toBe("HALF_OPEN");
  slow.resolve("late value");
  await settle();
  expect(late).toEqual({ status: "resolved", value: "late value" });
  expect(breaker.state).toBe("HALF_OPEN");
});

test("late outcomes: a CLOSED call that fails during HALF_OPEN does not reopen", async () => {
  const { breaker, clock } = make({ failureThreshold: 1 });
  const slow = manual<string>();
  track(() => breaker.call(slow.fn));
  await failTimes(breaker, 1);
  clock.advance(1000);
  expect(breaker.state).toBe("HALF_OPEN"); // read first, so the breaker has moved before the late failure
  slow.reject(new Error("late"));
  await settle();
  expect(breaker.state).toBe("HALF_OPEN");
});

test("late outcomes: a trial from an earlier HALF_OPEN period neither counts nor frees a slot", async () => {
  const { breaker, clock } = make({ failureThreshold: 1, halfOpenMaxCalls: 2, successThreshold: 1 });
  await failTimes(breaker, 1);
  clock.advance(1000);
  const old = manual<string>();
  track(() => breaker.call(old.fn));
  await failTimes(breaker, 1); // the second trial fails: OPEN again
  expect(breaker.state).toBe("OPEN");
  clock.advance(1000);
  const fresh = manual<string>();
  track(() => breaker.call(fresh.fn));
  track(() => breaker.call(fresh.fn));
  await settle();
  expect(fresh.calls()).toBe(2);
  old.resolve("from the past");
  await settle();
  expect(breaker.state).toBe("HALF_OPEN");
  const probe = counted(succeed);
  const refused = track(() => breaker.call(probe.fn));
  await settle();
  expect(probe.calls).toBe(0);
  expect(refused.status).toBe("rejected");
});

test("late outcomes: a late failure still gets the fallback", async () => {
  const { breaker } = make({ failureThreshold: 1 });
  const slow = manual<string>();
  const late = track(() => breaker.call(slow.fn, () => "fallback"));
  await failTimes(breaker, 1);
  slow.reject(new Error("late"));
  await settle();
  expect(late).toEqual({ status: "resolved", value: "fallback" });
});

// ---- property ---------------------------------------------------------------------

test("random sequences of sequential calls match the state machine", async () => {
  const random = seededRandom(1515);
  for (let round = 0; round < 40; round++) {
    const failureThreshold = randomInt(random, 1, 4);
    const successThreshold = randomInt(random, 1, 3);
    const resetTimeoutMs = randomInt(random, 1, 5) * 100;
    const clock = createClock(randomInt(random, 0, 1000));
    const breaker = new CircuitBreaker({ failureThreshold, resetTimeoutMs, halfOpenMaxCalls: 1, successThreshold, now: clock.now });
    // An independent model of the rules for calls that settle one at a time.
    let state: "CLOSED" | "OPEN" | "HALF_OPEN" = "CLOSED";
    let failures = 0;
    let successes = 0;
    let openedAt = 0;
    const script: string[] = [];
    for (let step = 0; step < 30; step++) {
      const roll = random();
      if (roll < 0.3) {
        const ms = randomInt(random, 0, 3) * 100;
        clock.advance(ms);
        script.push(`wait ${ms}`);
      } else {
        const ok = roll < 0.6;
        script.push(ok ? "ok" : "fail");
        if (state === "OPEN" && clock.now() >= openedAt + resetTimeoutMs) {
          state = "HALF_OPEN";
          successes = 0;
        }
        const probe = counted(ok ? succeed : fail);
        track(() => breaker.call(probe.fn));
        await settle();
        const expectedCalled = state === "OPEN" ? 0 : 1;
        if (probe.calls !== expectedCalled) {
          throw new Error(`after [${script.join(", ")}] fn was called ${probe.calls} times, expected ${expectedCalled}`);
        }
        if (state === "CLOSED") {
          failures = ok ? 0 : failures + 1;
          if (failures >= failureThreshold) {
            state = "OPEN";
            openedAt = clock.now();
          }
        } else if (state === "HALF_OPEN") {
          if (!ok) {
            state = "OPEN";
            openedAt = clock.now();
          } else if (++successes >= successThreshold) {
            state = "CLOSED";
            failures = 0;
          }
        }
      }
      if (state === "OPEN" && clock.now() >= openedAt + resetTimeoutMs) {
        state = "HALF_OPEN";
        successes = 0;
      }
      const actual = breaker.state;
      if (actual !== state) {
        throw new Error(
          `failureThreshold=${failureThreshold} successThreshold=${successThreshold} resetTimeoutMs=${resetTimeoutMs}: ` +
            `after [${script.join(", ")}] state is ${actual}, expected ${state}`,
        );
      }
    }
  }
});
