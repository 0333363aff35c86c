import { describe, expect as vitestExpect, test } from "vitest";
import { AssertionError, deepEqual } from "./expect";
import { createClock, createTimers, expect, randomInt, seededRandom } from "./test-api";

function failsWith(fn: () => void, text: string) {
  let error: unknown;
  try {
    fn();
  } catch (caught) {
    error = caught;
  }
  vitestExpect(error).toBeInstanceOf(AssertionError);
  vitestExpect((error as Error).message).toContain(text);
}

describe("the challenge assertion library", () => {
  test("toBe and toEqual pass and fail with readable messages", () => {
    expect(1).toBe(1);
    expect({ a: [1, { b: 2 }] }).toEqual({ a: [1, { b: 2 }] });
    failsWith(() => expect(2).toBe(3), "expected 3, got 2");
    failsWith(() => expect({ a: 1 }).toEqual({ a: 2 }), "expected { a: 2 }, got { a: 1 }");
    failsWith(() => expect(1).not.toBe(1), "other than 1");
  });

  test("deepEqual ignores undefined properties and compares typed arrays, maps and sets", () => {
    vitestExpect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    vitestExpect(deepEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    vitestExpect(deepEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    vitestExpect(deepEqual(new Map([[1, "a"]]), new Map([[1, "a"]]))).toBe(true);
    vitestExpect(deepEqual(new Set([1]), new Set([2]))).toBe(false);
    vitestExpect(deepEqual([1, 2], { 0: 1, 1: 2 })).toBe(false);
    vitestExpect(deepEqual(NaN, NaN)).toBe(true);
  });

  test("toThrow checks the class and its name", () => {
    class GoodError extends Error {
      override name = "GoodError";
    }
    class Unnamed extends Error {}
    expect(() => {
      throw new GoodError("x");
    }).toThrow(GoodError);
    failsWith(() => expect(() => {}).toThrow(GoodError), "nothing was thrown");
    failsWith(
      () =>
        expect(() => {
          throw new Unnamed("x");
        }).toThrow(Unnamed),
      'to have name "Unnamed"',
    );
    failsWith(
      () =>
        expect(() => {
          throw new Error("other");
        }).toThrow(GoodError),
      "expected a GoodError",
    );
  });

  test("rejects and resolves await the promise", async () => {
    await expect(Promise.reject(new RangeError("bad"))).rejects.toThrow(RangeError);
    await expect(Promise.resolve(4)).resolves.toBe(4);
    await vitestExpect(expect(Promise.resolve(4)).rejects.toThrow()).rejects.toThrow("resolved with 4");
  });

  test("toBeCloseTo uses the given precision", () => {
    expect(0.1 + 0.2).toBeCloseTo(0.3, 10);
    failsWith(() => expect(0.31).toBeCloseTo(0.3, 3), "close to 0.3");
  });
});

describe("fake time and randomness", () => {
  test("timers fire in time order as the clock advances, and can be cleared", () => {
    const clock = createClock(100);
    const timers = createTimers(clock);
    const fired: string[] = [];
    timers.forLearner.setTimeout(() => fired.push(`b@${clock.now()}`), 50);
    timers.forLearner.setTimeout(() => fired.push(`a@${clock.now()}`), 10);
    const cancelled = timers.forLearner.setTimeout(() => fired.push("never"), 20);
    timers.forLearner.clearTimeout(cancelled);
    timers.advance(30);
    vitestExpect(fired).toEqual(["a@110"]);
    timers.advance(100);
    vitestExpect(fired).toEqual(["a@110", "b@150"]);
    vitestExpect(clock.now()).toBe(230);
    vitestExpect(timers.pending()).toBe(0);
  });

  test("a timer scheduled by a timer fires in the same advance when due", () => {
    const clock = createClock();
    const timers = createTimers(clock);
    const fired: number[] = [];
    timers.forLearner.setTimeout(() => {
      fired.push(clock.now());
      timers.forLearner.setTimeout(() => fired.push(clock.now()), 5);
    }, 5);
    timers.advance(20);
    vitestExpect(fired).toEqual([5, 10]);
  });

  test("seededRandom repeats for a seed and differs across seeds", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = [a(), a(), a()];
    vitestExpect([b(), b(), b()]).toEqual(first);
    vitestExpect(c()).not.toBe(first[0]);
    const random = seededRandom(1);
    for (let i = 0; i < 1000; i++) {
      const value = randomInt(random, 3, 7);
      vitestExpect(value).toBeGreaterThanOrEqual(3);
      vitestExpect(value).toBeLessThanOrEqual(7);
    }
  });
});
