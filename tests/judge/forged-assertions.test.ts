// Learner values built to fool the harness's matchers: each overrides what a careless
// matcher would ask it (includes, some, Symbol.hasInstance, size, an iterator, a length
// getter, a message with its own includes), or catches the assertion's error. Each runs
// through the real judge; each fake must fail its test, and honest values must pass.
import { beforeAll, describe, expect, test } from "vitest";
import { judge, DEFAULT_LIMITS, type ChallengeSuite, type Verdict } from "../../lib/judge";

const learner = `
export class AlwaysContains extends Array<number> {
  override some() { return true; }
  override includes() { return true; }
  override indexOf() { return 0; }
}
export class NeverContains extends Array<number> {
  override some() { return false; }
  override includes() { return false; }
  override indexOf() { return -1; }
}
export function alwaysContains() { const a = new AlwaysContains(); a.push(1, 2); return a; }
export function neverContains() { const a = new NeverContains(); a.push(1, 99); return a; }

export function throwsObjectMessage() {
  const error = new Error("something else");
  Object.defineProperty(error, "message", { value: { includes: () => true, toString: () => "x" } });
  throw error;
}
export class ClaimsEverything { static [Symbol.hasInstance]() { return true; } }
export function throwsPlainError() { throw new Error("not the class you asked for"); }

export class SizedMap<K, V> extends Map<K, V> {
  override get size() { return 2; }
  override [Symbol.iterator](): MapIterator<[K, V]> { return new Map<K, V>().entries(); }
  override entries(): MapIterator<[K, V]> { return new Map<K, V>().entries(); }
  override has() { return true; }
}
export class SizedSet<T> extends Set<T> {
  override get size() { return 2; }
  override [Symbol.iterator](): SetIterator<T> { return new Set<T>().values(); }
  override values(): SetIterator<T> { return new Set<T>().values(); }
  override has() { return true; }
}
export function sizedMap() { return new SizedMap<number, string>(); }
export function sizedSet() { return new SizedSet<number>(); }

export class ShortBytes extends Uint8Array { override get length() { return 2; } }
export function shortBytes() { return new ShortBytes([1, 2, 3]); }

export function swallow(callback: () => void) { try { callback(); } catch { /* hide it */ } }
export function epoch() { return new Date(0); }
export function honest() { return { list: [1, 2, 3], map: new Map([[1, "a"], [2, "b"]]), set: new Set([1, 2]), bytes: new Uint8Array([1, 2]) }; }
`;

const hidden = `
import { expect, test } from "@blueprint/test";
import * as s from "./solution";

test("toContain: an Array subclass whose some/includes say yes", () => { expect(s.alwaysContains()).toContain(42); });
test("not.toContain: an Array subclass whose some/includes say no", () => { expect(s.neverContains()).not.toContain(99); });
test("toThrow(text): a message that is an object with includes()", () => { expect(() => s.throwsObjectMessage()).toThrow("connection refused"); });
test("toBeInstanceOf: a class with static Symbol.hasInstance", () => { expect({}).toBeInstanceOf(s.ClaimsEverything); });
test("toThrow(Class): a class with static Symbol.hasInstance", () => { expect(() => s.throwsPlainError()).toThrow(s.ClaimsEverything); });
test("toEqual: a Map subclass with a chosen size and an empty iterator", () => { expect(s.sizedMap()).toEqual(new Map([[1, "a"], [2, "b"]])); });
test("toEqual: a Set subclass with a chosen size and an empty iterator", () => { expect(s.sizedSet()).toEqual(new Set([1, 2])); });
test("toEqual: a typed array whose length getter hides elements", () => { expect(s.shortBytes()).toEqual(new Uint8Array([1, 2])); });
test("toHaveLength: a typed array whose length getter lies", () => { expect(s.shortBytes()).toHaveLength(2); });
test("an assertion inside a callback the learner catches", () => { s.swallow(() => expect(1).toBe(2)); });
test("toEqual: dates with different times", () => { expect(s.epoch()).toEqual(new Date(1000)); });
test("honest values pass", () => {
  const value = s.honest();
  expect(value.list).toContain(2);
  expect(value.list).not.toContain(4);
  expect(value).toEqual({ list: [1, 2, 3], map: new Map([[1, "a"], [2, "b"]]), set: new Set([1, 2]), bytes: new Uint8Array([1, 2]) });
  expect(value.bytes).toHaveLength(2);
  expect(s.epoch()).toEqual(new Date(0));
  expect(() => { throw new RangeError("connection refused"); }).toThrow("connection refused");
  expect(new s.AlwaysContains()).toBeInstanceOf(Array);
});
`;

const suite: ChallengeSuite = {
  id: "hostile/forged-assertions",
  requiredExports: [
    "AlwaysContains", "alwaysContains", "neverContains", "throwsObjectMessage", "ClaimsEverything", "throwsPlainError",
    "sizedMap", "sizedSet", "shortBytes", "swallow", "epoch", "honest",
  ],
  contentHash: "forged-assertions",
  examplesSource: "",
  hiddenSource: hidden,
};

const expectedFailures: Array<[string, RegExp]> = [
  ["toContain: an Array subclass whose some/includes say yes", /^expected \[1, 2\] to contain 42$/],
  ["not.toContain: an Array subclass whose some/includes say no", /^expected \[1, 99\] not to contain 99$/],
  ["toThrow(text): a message that is an object with includes()", /^expected a thrown error with a string message/],
  ["toBeInstanceOf: a class with static Symbol.hasInstance", /^expected an instance of ClaimsEverything, got \{ {2}\}$/],
  ["toThrow(Class): a class with static Symbol.hasInstance", /^expected a ClaimsEverything to be thrown, got Error: not the class/],
  ["toEqual: a Map subclass with a chosen size and an empty iterator", /^expected Map\(2\), got Map\(0\)$/],
  ["toEqual: a Set subclass with a chosen size and an empty iterator", /^expected Set\(2\), got Set\(0\)$/],
  ["toEqual: a typed array whose length getter hides elements", /^expected Uint8Array\(2\), got Uint8Array\(3\)$/],
  ["toHaveLength: a typed array whose length getter lies", /^expected length 2, got 3$/],
  ["an assertion inside a callback the learner catches", /^expected 2, got 1 \(this assertion failed inside a callback/],
  ["toEqual: dates with different times", /^expected Date\(1000\), got Date\(0\)$/],
];

let verdict: Verdict;
beforeAll(async () => {
  verdict = await judge(suite, learner, "submit", { ...DEFAULT_LIMITS, cpuMs: 2000, wallMs: 5000 });
});

describe("forged assertions", () => {
  test("the suite ran every test", () => {
    expect(verdict.diagnostics).toBeUndefined();
    expect(verdict.total).toBe(expectedFailures.length + 1);
  });

  test.each(expectedFailures)("%s fails", (name, message) => {
    const outcome = verdict.tests.find((t) => t.name === name);
    expect(outcome?.status).toBe("failed");
    expect(outcome?.message).toMatch(message);
  });

  test("honest values pass the same matchers", () => {
    const outcome = verdict.tests.find((t) => t.name === "honest values pass");
    expect(outcome?.message).toBeUndefined();
    expect(outcome?.status).toBe("passed");
  });
});
