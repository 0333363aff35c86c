// A small, vitest-shaped assertion library for challenge tests. It runs inside the
// sandbox beside learner code, so it keeps its own copies of the builtins it uses:
// a learner cannot make a failing assertion pass by patching Object.is or friends
// (builtins are also frozen before learner code runs).

const objectIs = Object.is;
const objectKeys = Object.keys;
const getPrototypeOf = Object.getPrototypeOf;
const isArray = Array.isArray;
const hasOwn = Object.prototype.hasOwnProperty;
const mathAbs = Math.abs;
const stringOf = String;
const jsonStringify = JSON.stringify;
const MapCtor = Map;
const SetCtor = Set;
const ErrorCtor = Error;
const PromiseCtor = Promise;

export class AssertionError extends ErrorCtor {
  override name = "AssertionError";
}

/** Renders a value for a failure message, briefly and without running learner getters twice. */
export function describeValue(value: unknown, depth = 0): string {
  if (typeof value === "string") return jsonStringify(value.length > 200 ? value.slice(0, 200) + "…" : value);
  if (typeof value === "number") return objectIs(value, -0) ? "-0" : stringOf(value);
  if (typeof value === "bigint") return stringOf(value) + "n";
  if (value === undefined || value === null || typeof value === "boolean" || typeof value === "symbol")
    return stringOf(value);
  if (typeof value === "function") return `[Function ${(value as { name?: string }).name || "anonymous"}]`;
  if (depth > 2) return isArray(value) ? "[…]" : "{…}";
  try {
    if (value instanceof ErrorCtor) return `${value.name}: ${value.message}`;
    if (value instanceof MapCtor) return `Map(${value.size})`;
    if (value instanceof SetCtor) return `Set(${value.size})`;
    if (isArray(value)) {
      const shown = value.slice(0, 20).map((item) => describeValue(item, depth + 1));
      return `[${shown.join(", ")}${value.length > 20 ? `, … ${value.length - 20} more` : ""}]`;
    }
    if (ArrayBuffer.isView(value)) return `${getPrototypeOf(value)?.constructor?.name ?? "TypedArray"}(${(value as Uint8Array).length})`;
    const keys = objectKeys(value as object);
    const shown = keys
      .slice(0, 12)
      .map((key) => `${key}: ${describeValue((value as Record<string, unknown>)[key], depth + 1)}`);
    return `{ ${shown.join(", ")}${keys.length > 12 ? ", …" : ""} }`;
  } catch {
    return "[unprintable value]";
  }
}

/** Structural equality in the spirit of vitest's toEqual (undefined properties are ignored). */
export function deepEqual(a: unknown, b: unknown, seen: Array<[unknown, unknown]> = []): boolean {
  if (objectIs(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  for (const [x, y] of seen) if (x === a && y === b) return true;
  seen.push([a, b]);
  if (isArray(a) !== isArray(b)) return false;
  if (isArray(a) && isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i], seen)) return false;
    return true;
  }
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b)) return false;
    const x = a as unknown as ArrayLike<number>;
    const y = b as unknown as ArrayLike<number>;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!objectIs(x[i], y[i])) return false;
    return true;
  }
  if (a instanceof MapCtor || b instanceof MapCtor) {
    if (!(a instanceof MapCtor && b instanceof MapCtor) || a.size !== b.size) return false;
    for (const [key, value] of a) if (!b.has(key) || !deepEqual(value, b.get(key), seen)) return false;
    return true;
  }
  if (a instanceof SetCtor || b instanceof SetCtor) {
    if (!(a instanceof SetCtor && b instanceof SetCtor) || a.size !== b.size) return false;
    for (const value of a) if (!b.has(value)) return false;
    return true;
  }
  const keysA = objectKeys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const keysB = objectKeys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  if (keysA.length !== keysB.length) return false;
  for (const key of keysA) {
    if (!hasOwn.call(b, key)) return false;
    if (!deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], seen)) return false;
  }
  return true;
}

type ErrorMatcher = string | RegExp | (abstract new (...args: never[]) => unknown);

function errorMatches(error: unknown, expected: ErrorMatcher | undefined): string | null {
  if (expected === undefined) return null;
  const message = error instanceof ErrorCtor ? error.message : stringOf(error);
  if (typeof expected === "string") {
    return message.includes(expected) ? null : `expected the error message to include ${describeValue(expected)}, got ${describeValue(message)}`;
  }
  if (expected instanceof RegExp) {
    return expected.test(message) ? null : `expected the error message to match ${stringOf(expected)}, got ${describeValue(message)}`;
  }
  if (!(error instanceof expected)) {
    return `expected a ${expected.name || "specific error"} to be thrown, got ${describeValue(error)}`;
  }
  // Challenge errors must also carry their class name (curriculum: "name set").
  const name = (error as { name?: unknown }).name;
  if (expected.name && expected.name !== "Error" && name !== expected.name) {
    return `expected the thrown ${expected.name} to have name ${describeValue(expected.name)}, got ${describeValue(name)}`;
  }
  return null;
}

export interface Matchers {
  not: Omit<Matchers, "not" | "resolves" | "rejects">;
  resolves: Omit<AsyncMatchers, "toThrow">;
  rejects: Pick<AsyncMatchers, "toThrow">;
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
  toBeCloseTo(expected: number, precision?: number): void;
  toBeTruthy(): void;
  toBeFalsy(): void;
  toBeUndefined(): void;
  toBeDefined(): void;
  toBeNull(): void;
  toBeNaN(): void;
  toBeGreaterThan(n: number): void;
  toBeGreaterThanOrEqual(n: number): void;
  toBeLessThan(n: number): void;
  toBeLessThanOrEqual(n: number): void;
  toBeInstanceOf(ctor: abstract new (...args: never[]) => unknown): void;
  toContain(item: unknown): void;
  toHaveLength(length: number): void;
  toThrow(expected?: ErrorMatcher): void;
}

export interface AsyncMatchers {
  toBe(expected: unknown): Promise<void>;
  toEqual(expected: unknown): Promise<void>;
  toThrow(expected?: ErrorMatcher): Promise<void>;
}

function fail(message: string): never {
  throw new AssertionError(message);
}

function makeMatchers(actual: unknown, negated: boolean): Omit<Matchers, "not" | "resolves" | "rejects"> {
  const check = (pass: boolean, message: string, negatedMessage: string) => {
    if (pass === negated) fail(negated ? negatedMessage : message);
  };
  const got = () => describeValue(actual);
  return {
    toBe: (expected) =>
      check(objectIs(actual, expected), `expected ${describeValue(expected)}, got ${got()}`, `expected a value other than ${describeValue(expected)}`),
    toEqual: (expected) =>
      check(deepEqual(actual, expected), `expected ${describeValue(expected)}, got ${got()}`, `expected a value not equal to ${describeValue(expected)}`),
    toBeCloseTo: (expected, precision = 2) =>
      check(
        typeof actual === "number" && mathAbs(actual - expected) < 10 ** -precision / 2,
        `expected ${got()} to be close to ${describeValue(expected)} (within ${10 ** -precision / 2})`,
        `expected ${got()} not to be close to ${describeValue(expected)}`,
      ),
    toBeTruthy: () => check(!!actual, `expected a truthy value, got ${got()}`, `expected a falsy value, got ${got()}`),
    toBeFalsy: () => check(!actual, `expected a falsy value, got ${got()}`, `expected a truthy value, got ${got()}`),
    toBeUndefined: () => check(actual === undefined, `expected undefined, got ${got()}`, `expected a defined value`),
    toBeDefined: () => check(actual !== undefined, `expected a defined value, got undefined`, `expected undefined, got ${got()}`),
    toBeNull: () => check(actual === null, `expected null, got ${got()}`, `expected a value other than null`),
    toBeNaN: () => check(typeof actual === "number" && actual !== actual, `expected NaN, got ${got()}`, `expected a number other than NaN`),
    toBeGreaterThan: (n) => check(typeof actual === "number" && actual > n, `expected ${got()} > ${n}`, `expected ${got()} <= ${n}`),
    toBeGreaterThanOrEqual: (n) => check(typeof actual === "number" && actual >= n, `expected ${got()} >= ${n}`, `expected ${got()} < ${n}`),
    toBeLessThan: (n) => check(typeof actual === "number" && actual < n, `expected ${got()} < ${n}`, `expected ${got()} >= ${n}`),
    toBeLessThanOrEqual: (n) => check(typeof actual === "number" && actual <= n, `expected ${got()} <= ${n}`, `expected ${got()} > ${n}`),
    toBeInstanceOf: (ctor) =>
      check(actual instanceof ctor, `expected an instance of ${ctor.name}, got ${got()}`, `expected a value that is not a ${ctor.name}`),
    toContain: (item) => {
      const contains =
        typeof actual === "string"
          ? typeof item === "string" && actual.includes(item)
          : isArray(actual) && actual.some((element) => objectIs(element, item) || deepEqual(element, item));
      check(contains, `expected ${got()} to contain ${describeValue(item)}`, `expected ${got()} not to contain ${describeValue(item)}`);
    },
    toHaveLength: (length) => {
      const actualLength = (actual as { length?: unknown } | null | undefined)?.length;
      check(actualLength === length, `expected length ${length}, got ${describeValue(actualLength)}`, `expected a length other than ${length}`);
    },
    toThrow: (expected) => {
      if (typeof actual !== "function") fail("toThrow needs a function to call");
      let threw = false;
      let error: unknown;
      try {
        (actual as () => unknown)();
      } catch (caught) {
        threw = true;
        error = caught;
      }
      if (negated) {
        if (threw) fail(`expected no error, but it threw ${describeValue(error)}`);
        return;
      }
      if (!threw) fail(`expected an error${expected ? ` (${describeExpected(expected)})` : ""}, but nothing was thrown`);
      const mismatch = errorMatches(error, expected);
      if (mismatch) fail(mismatch);
    },
  };
}

function describeExpected(expected: ErrorMatcher): string {
  return typeof expected === "function" ? expected.name : stringOf(expected);
}

export function expect(actual: unknown): Matchers {
  const matchers = makeMatchers(actual, false) as Matchers;
  matchers.not = makeMatchers(actual, true);
  const settled = async (): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> => {
    try {
      return { ok: true, value: await PromiseCtor.resolve(actual) };
    } catch (error) {
      return { ok: false, error };
    }
  };
  matchers.resolves = {
    toBe: async (expected) => {
      const outcome = await settled();
      if (!outcome.ok) fail(`expected the promise to resolve, but it rejected with ${describeValue(outcome.error)}`);
      makeMatchers(outcome.value, false).toBe(expected);
    },
    toEqual: async (expected) => {
      const outcome = await settled();
      if (!outcome.ok) fail(`expected the promise to resolve, but it rejected with ${describeValue(outcome.error)}`);
      makeMatchers(outcome.value, false).toEqual(expected);
    },
  };
  matchers.rejects = {
    toThrow: async (expected) => {
      const outcome = await settled();
      if (outcome.ok) fail(`expected the promise to reject, but it resolved with ${describeValue(outcome.value)}`);
      const mismatch = errorMatches(outcome.error, expected);
      if (mismatch) fail(mismatch);
    },
  };
  return matchers;
}
