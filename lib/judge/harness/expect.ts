// A small, vitest-shaped assertion library for challenge tests. It runs inside the
// sandbox beside learner code, so it cannot trust the values it checks: every matcher
// reads a learner value only through intrinsics saved here when the harness loads
// (brand checks first: Array.isArray, the Map/Set size getters, the typed-array
// getters; then Reflect and saved prototype methods). It never calls a method the value
// supplies (includes, some, has, an iterator, Symbol.hasInstance, toString), so a value
// cannot see what it is compared with. A plain property read may run a learner getter,
// once and with no arguments; what it returns is type-checked before use.
// Builtins are also frozen before learner code runs (./harden.ts).

const objectIs = Object.is;
const objectKeys = Object.keys;
const isArray = Array.isArray;
const isView = ArrayBuffer.isView;
const apply = Reflect.apply;
const reflectGet = Reflect.get;
const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const getPrototypeOf = Object.getPrototypeOf;
const hasOwn = Object.prototype.hasOwnProperty;
const objectPrototype = Object.prototype;
const mathAbs = Math.abs;
const stringOf = String;
const jsonStringify = JSON.stringify;
const MapCtor = Map;
const SetCtor = Set;
const DateCtor = Date;
const RegExpCtor = RegExp;
const ErrorCtor = Error;
const PromiseCtor = Promise;

type Method = (this: unknown, ...args: never[]) => unknown;
const getter = (target: object, key: PropertyKey) => getOwnPropertyDescriptor(target, key)?.get as Method;
const functionHasInstance = Function.prototype[Symbol.hasInstance] as Method;
const stringIncludes = String.prototype.includes as Method;
const stringSlice = String.prototype.slice as Method;
const mapSize = getter(Map.prototype, "size");
const mapEntries = Map.prototype.entries as Method;
const mapHas = Map.prototype.has as Method;
const mapGet = Map.prototype.get as Method;
const mapIteratorNext = getPrototypeOf(new Map().entries()).next as Method;
const setSize = getter(Set.prototype, "size");
const setValues = Set.prototype.values as Method;
const setHas = Set.prototype.has as Method;
const setIteratorNext = getPrototypeOf(new Set().values()).next as Method;
const typedArrayPrototype = getPrototypeOf(Uint8Array.prototype) as object;
const typedArrayLength = getter(typedArrayPrototype, "length");
const typedArrayTag = getter(typedArrayPrototype, Symbol.toStringTag);
const dataViewByteLength = getter(DataView.prototype, "byteLength");
const dataViewGetUint8 = DataView.prototype.getUint8 as Method;
const dateGetTime = Date.prototype.getTime as Method;
const regExpSource = getter(RegExp.prototype, "source");
const regExpFlags = getter(RegExp.prototype, "flags");
const regExpTest = RegExp.prototype.test as Method;

export class AssertionError extends ErrorCtor {
  override name = "AssertionError";
}

// --- brand checks and guarded reads -------------------------------------------------

/** instanceof without the constructor's Symbol.hasInstance (which a learner class may define). */
function isInstance(value: unknown, ctor: unknown): boolean {
  if (typeof ctor !== "function") return false;
  try {
    return apply(functionHasInstance, ctor, [value]) === true;
  } catch {
    return false;
  }
}

/** True when `brandGetter` accepts the value (it throws on anything without the internal slot). */
function hasBrand(value: unknown, claimedBy: unknown, brandGetter: Method): boolean {
  // The prototype walk is a cheap filter; the getter call is the proof.
  if (!isInstance(value, claimedBy)) return false;
  try {
    apply(brandGetter, value, []);
    return true;
  } catch {
    return false;
  }
}

const isMap = (value: unknown): value is Map<unknown, unknown> => hasBrand(value, MapCtor, mapSize);
const isSet = (value: unknown): value is Set<unknown> => hasBrand(value, SetCtor, setSize);
const isDate = (value: unknown): value is Date => hasBrand(value, DateCtor, dateGetTime);
const isRegExp = (value: unknown): value is RegExp => hasBrand(value, RegExpCtor, regExpSource);
const typedArrayKind = (value: unknown): string | undefined => apply(typedArrayTag, value, []) as string | undefined;

/** One property read (a learner getter runs at most once here), never throwing. */
function read(value: object, key: PropertyKey): unknown {
  try {
    return reflectGet(value, key);
  } catch {
    return undefined;
  }
}

/** Own enumerable string keys whose values are defined, with those values, each read once. */
function definedEntries(value: object): { keys: string[]; values: unknown[] } {
  const keys: string[] = [];
  const values: unknown[] = [];
  const own = objectKeys(value);
  for (let i = 0; i < own.length; i++) {
    const key = own[i] as string;
    const item = reflectGet(value, key);
    if (item !== undefined) {
      keys[keys.length] = key;
      values[values.length] = item;
    }
  }
  return { keys, values };
}

function* intrinsicIteration(iterator: unknown, next: Method): Generator<unknown> {
  for (;;) {
    const step = apply(next, iterator, []) as { done: boolean; value: unknown };
    if (step.done) return;
    yield step.value;
  }
}

// --- printing -------------------------------------------------------------------------

/** Renders a value for a failure message, briefly, through the same guarded reads. */
export function describeValue(value: unknown, depth = 0): string {
  if (typeof value === "string") return jsonStringify(value.length > 200 ? apply(stringSlice, value, [0, 200]) + "…" : value);
  if (typeof value === "number") return objectIs(value, -0) ? "-0" : stringOf(value);
  if (typeof value === "bigint") return stringOf(value) + "n";
  if (value === undefined || value === null || typeof value === "boolean" || typeof value === "symbol")
    return stringOf(value);
  try {
    if (typeof value === "function") {
      const name = getOwnPropertyDescriptor(value, "name")?.value;
      return `[Function ${typeof name === "string" && name ? name : "anonymous"}]`;
    }
    if (depth > 2) return isArray(value) ? "[…]" : "{…}";
    if (isInstance(value, ErrorCtor)) {
      const name = read(value, "name");
      const message = read(value, "message");
      return `${typeof name === "string" ? name : "Error"}: ${typeof message === "string" ? message : describeValue(message, depth + 1)}`;
    }
    if (isMap(value)) return `Map(${stringOf(apply(mapSize, value, []))})`;
    if (isSet(value)) return `Set(${stringOf(apply(setSize, value, []))})`;
    if (isDate(value)) return `Date(${stringOf(apply(dateGetTime, value, []))})`;
    if (isArray(value)) {
      const length = value.length;
      let shown = "";
      for (let i = 0; i < length && i < 20; i++) shown += (i > 0 ? ", " : "") + describeValue(value[i], depth + 1);
      return `[${shown}${length > 20 ? `, … ${length - 20} more` : ""}]`;
    }
    const kind = typedArrayKind(value);
    if (kind !== undefined) return `${kind}(${stringOf(apply(typedArrayLength, value, []))})`;
    if (isView(value)) return `DataView(${stringOf(apply(dataViewByteLength, value, []))})`;
    const keys = objectKeys(value);
    let shown = "";
    for (let i = 0; i < keys.length && i < 12; i++) {
      const key = keys[i] as string;
      shown += `${i > 0 ? ", " : ""}${key}: ${describeValue(read(value, key), depth + 1)}`;
    }
    return `{ ${shown}${keys.length > 12 ? ", …" : ""} }`;
  } catch {
    return "[unprintable value]";
  }
}

// --- equality -------------------------------------------------------------------------

/** Structural equality in the spirit of vitest's toEqual (undefined properties are ignored). */
export function deepEqual(a: unknown, b: unknown, seen: Array<[unknown, unknown]> = []): boolean {
  if (objectIs(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  // `seen` holds the pairs being compared further up (a cycle comes back to one of them):
  // only the current path, so a long array of objects does not make every compare scan all.
  for (let i = 0; i < seen.length; i++) {
    const pair = seen[i] as [unknown, unknown];
    if (pair[0] === a && pair[1] === b) return true;
  }
  const depth = seen.length;
  seen[depth] = [a, b];
  const equal = objectsEqual(a, b, seen);
  seen.length = depth;
  return equal;
}

function objectsEqual(a: object, b: object, seen: Array<[unknown, unknown]>): boolean {
  const arrayA = isArray(a);
  if (arrayA !== isArray(b)) return false;
  if (arrayA) {
    const x = a as unknown[];
    const y = b as unknown[];
    const length = x.length;
    if (length !== y.length) return false;
    for (let i = 0; i < length; i++) if (!deepEqual(x[i], y[i], seen)) return false;
    return true;
  }

  if (isView(a) || isView(b)) return viewsEqual(a, b);

  // Plain objects (the usual case) skip the brand checks: an object whose prototype is
  // Object.prototype or null cannot pass isInstance for Map, Set, Date or RegExp, so the
  // checks below would all say no. (A proxy never passes their brand checks either.)
  const protoA = getPrototypeOf(a) as unknown;
  const protoB = getPrototypeOf(b) as unknown;
  const plain = (protoA === objectPrototype || protoA === null) && (protoB === objectPrototype || protoB === null);
  if (!plain) {
    const mapA = isMap(a);
    if (mapA !== isMap(b)) return false;
    if (mapA) {
      if (apply(mapSize, a, []) !== apply(mapSize, b, [])) return false;
      for (const entry of intrinsicIteration(apply(mapEntries, a, []), mapIteratorNext)) {
        const [key, value] = entry as [unknown, unknown];
        if (apply(mapHas, b, [key]) !== true || !deepEqual(value, apply(mapGet, b, [key]), seen)) return false;
      }
      return true;
    }

    const setA = isSet(a);
    if (setA !== isSet(b)) return false;
    if (setA) {
      if (apply(setSize, a, []) !== apply(setSize, b, [])) return false;
      for (const value of intrinsicIteration(apply(setValues, a, []), setIteratorNext)) {
        if (apply(setHas, b, [value]) !== true) return false;
      }
      return true;
    }

    const dateA = isDate(a);
    if (dateA !== isDate(b)) return false;
    if (dateA) return objectIs(apply(dateGetTime, a, []), apply(dateGetTime, b, []));

    const regExpA = isRegExp(a);
    if (regExpA !== isRegExp(b)) return false;
    if (regExpA) return apply(regExpSource, a, []) === apply(regExpSource, b, []) && apply(regExpFlags, a, []) === apply(regExpFlags, b, []);
  }

  const entriesA = definedEntries(a);
  const entriesB = definedEntries(b);
  const keysA = entriesA.keys;
  const keysB = entriesB.keys;
  if (keysA.length !== keysB.length) return false;
  // Keys usually come in the same order; a lookup table only when they do not.
  let lookup: Map<string, number> | undefined;
  for (let i = 0; i < keysA.length; i++) {
    const key = keysA[i] as string;
    let index = i;
    if (keysB[i] !== key) {
      if (!lookup) {
        lookup = new MapCtor<string, number>();
        for (let j = 0; j < keysB.length; j++) lookup.set(keysB[j] as string, j);
      }
      const found = lookup.get(key);
      if (found === undefined) return false;
      index = found;
    }
    if (!hasOwn.call(b, key)) return false;
    if (!deepEqual(entriesA.values[i], entriesB.values[index], seen)) return false;
  }
  return true;
}

function viewsEqual(a: object, b: object): boolean {
  if (!isView(a) || !isView(b)) return false;
  const kind = typedArrayKind(a);
  if (kind !== typedArrayKind(b)) return false;
  if (kind !== undefined) {
    // Typed-array elements are the buffer's own: no getter on a subclass can answer for them.
    const length = apply(typedArrayLength, a, []) as number;
    if (length !== apply(typedArrayLength, b, [])) return false;
    const x = a as unknown as ArrayLike<unknown>;
    const y = b as unknown as ArrayLike<unknown>;
    for (let i = 0; i < length; i++) if (!objectIs(x[i], y[i])) return false;
    return true;
  }
  const length = apply(dataViewByteLength, a, []) as number;
  if (length !== apply(dataViewByteLength, b, [])) return false;
  for (let i = 0; i < length; i++) if (apply(dataViewGetUint8, a, [i]) !== apply(dataViewGetUint8, b, [i])) return false;
  return true;
}

/** Whether an array (by brand) holds the item, reading each element once by index. */
function arrayContains(array: unknown[], item: unknown): boolean {
  const length = array.length;
  for (let i = 0; i < length; i++) {
    const element = array[i];
    if (objectIs(element, item) || deepEqual(element, item)) return true;
  }
  return false;
}

// --- errors ---------------------------------------------------------------------------

type ErrorMatcher = string | RegExp | (abstract new (...args: never[]) => unknown);

/** The thrown value's message as a primitive string, or null when it has none. */
function thrownMessage(error: unknown): string | null {
  if (typeof error === "string") return error;
  if ((typeof error !== "object" && typeof error !== "function") || error === null) return stringOf(error);
  const message = read(error, "message");
  return typeof message === "string" ? message : null;
}

function errorMatches(error: unknown, expected: ErrorMatcher | undefined): string | null {
  if (expected === undefined) return null;
  if (typeof expected === "string" || isRegExp(expected)) {
    const message = thrownMessage(error);
    if (message === null) return `expected a thrown error with a string message, got ${describeValue(error)}`;
    if (typeof expected === "string") {
      return apply(stringIncludes, message, [expected]) === true
        ? null
        : `expected the error message to include ${describeValue(expected)}, got ${describeValue(message)}`;
    }
    return apply(regExpTest, expected, [message]) === true
      ? null
      : `expected the error message to match ${describeExpected(expected)}, got ${describeValue(message)}`;
  }
  const expectedName = typeof expected === "function" ? getOwnPropertyDescriptor(expected, "name")?.value : undefined;
  const className = typeof expectedName === "string" ? expectedName : "";
  if (!isInstance(error, expected)) {
    return `expected a ${className || "specific error"} to be thrown, got ${describeValue(error)}`;
  }
  // Challenge errors must also carry their class name (curriculum: "name set").
  const name = typeof error === "object" && error !== null ? read(error, "name") : undefined;
  if (className && className !== "Error" && name !== className) {
    return `expected the thrown ${className} to have name ${describeValue(className)}, got ${describeValue(name)}`;
  }
  return null;
}

// --- swallowed assertions ---------------------------------------------------------------

// A failed assertion inside a callback that learner code calls could be caught by that
// code; the runner asks here whether one failed during the test, whatever happened next.
let firstFailure: AssertionError | null = null;

/** The first assertion that failed since the last call (and forgets it). */
export function takeFailedAssertion(): AssertionError | null {
  const failure = firstFailure;
  firstFailure = null;
  return failure;
}

function fail(message: string): never {
  const error = new AssertionError(message);
  firstFailure ??= error;
  throw error;
}

// --- matchers ---------------------------------------------------------------------------

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

/** The length a learner value reports: brand-checked for arrays, strings and typed arrays. */
function lengthOf(value: unknown): unknown {
  if (typeof value === "string") return value.length;
  if (value === null || value === undefined) return undefined;
  if (isArray(value)) return value.length;
  if (typedArrayKind(value) !== undefined) return apply(typedArrayLength, value, []);
  if (typeof value !== "object" && typeof value !== "function") return undefined;
  const length = read(value, "length");
  return typeof length === "number" ? length : undefined;
}

function ctorName(ctor: unknown): string {
  const name = typeof ctor === "function" ? getOwnPropertyDescriptor(ctor, "name")?.value : undefined;
  return typeof name === "string" && name ? name : "the given class";
}

// One object per expect() with the matchers on a shared, frozen prototype: a suite makes
// thousands of assertions, each in a fresh isolate with no optimised code, and building
// ~40 closures per expect() (as a literal of arrow functions did) was most of a cheap
// suite's run. Failure messages are built only on failure.
class Expectation {
  constructor(
    private readonly actual: unknown,
    private readonly negated: boolean,
  ) {}

  get not(): Expectation {
    return new Expectation(this.actual, true);
  }

  get resolves(): Omit<AsyncMatchers, "toThrow"> {
    return resolvesOf(this.actual);
  }

  get rejects(): Pick<AsyncMatchers, "toThrow"> {
    return rejectsOf(this.actual);
  }

  private got(): string {
    return describeValue(this.actual);
  }

  private isNumber(): boolean {
    return typeof this.actual === "number";
  }

  toBe(expected: unknown): void {
    if (objectIs(this.actual, expected) === this.negated) {
      fail(this.negated ? `expected a value other than ${describeValue(expected)}` : `expected ${describeValue(expected)}, got ${this.got()}`);
    }
  }

  toEqual(expected: unknown): void {
    if (deepEqual(this.actual, expected) === this.negated) {
      fail(this.negated ? `expected a value not equal to ${describeValue(expected)}` : `expected ${describeValue(expected)}, got ${this.got()}`);
    }
  }

  toBeCloseTo(expected: number, precision = 2): void {
    const within = 10 ** -precision / 2;
    if ((this.isNumber() && mathAbs((this.actual as number) - expected) < within) === this.negated) {
      fail(
        this.negated
          ? `expected ${this.got()} not to be close to ${describeValue(expected)}`
          : `expected ${this.got()} to be close to ${describeValue(expected)} (within ${within})`,
      );
    }
  }

  toBeTruthy(): void {
    if (!!this.actual === this.negated) fail(this.negated ? `expected a falsy value, got ${this.got()}` : `expected a truthy value, got ${this.got()}`);
  }

  toBeFalsy(): void {
    if (!this.actual === this.negated) fail(this.negated ? `expected a truthy value, got ${this.got()}` : `expected a falsy value, got ${this.got()}`);
  }

  toBeUndefined(): void {
    if ((this.actual === undefined) === this.negated) fail(this.negated ? "expected a defined value" : `expected undefined, got ${this.got()}`);
  }

  toBeDefined(): void {
    if ((this.actual !== undefined) === this.negated) fail(this.negated ? `expected undefined, got ${this.got()}` : "expected a defined value, got undefined");
  }

  toBeNull(): void {
    if ((this.actual === null) === this.negated) fail(this.negated ? "expected a value other than null" : `expected null, got ${this.got()}`);
  }

  toBeNaN(): void {
    if ((this.isNumber() && this.actual !== this.actual) === this.negated) fail(this.negated ? "expected a number other than NaN" : `expected NaN, got ${this.got()}`);
  }

  toBeGreaterThan(n: number): void {
    if ((this.isNumber() && (this.actual as number) > n) === this.negated) fail(this.negated ? `expected ${this.got()} <= ${n}` : `expected ${this.got()} > ${n}`);
  }

  toBeGreaterThanOrEqual(n: number): void {
    if ((this.isNumber() && (this.actual as number) >= n) === this.negated) fail(this.negated ? `expected ${this.got()} < ${n}` : `expected ${this.got()} >= ${n}`);
  }

  toBeLessThan(n: number): void {
    if ((this.isNumber() && (this.actual as number) < n) === this.negated) fail(this.negated ? `expected ${this.got()} >= ${n}` : `expected ${this.got()} < ${n}`);
  }

  toBeLessThanOrEqual(n: number): void {
    if ((this.isNumber() && (this.actual as number) <= n) === this.negated) fail(this.negated ? `expected ${this.got()} > ${n}` : `expected ${this.got()} <= ${n}`);
  }

  toBeInstanceOf(ctor: abstract new (...args: never[]) => unknown): void {
    if (typeof ctor !== "function") fail("toBeInstanceOf needs a class");
    if (isInstance(this.actual, ctor) === this.negated) {
      fail(this.negated ? `expected a value that is not a ${ctorName(ctor)}` : `expected an instance of ${ctorName(ctor)}, got ${this.got()}`);
    }
  }

  toContain(item: unknown): void {
    const actual = this.actual;
    const contains =
      typeof actual === "string"
        ? typeof item === "string" && apply(stringIncludes, actual, [item]) === true
        : isArray(actual) && arrayContains(actual, item);
    if (contains === this.negated) {
      fail(this.negated ? `expected ${this.got()} not to contain ${describeValue(item)}` : `expected ${this.got()} to contain ${describeValue(item)}`);
    }
  }

  toHaveLength(length: number): void {
    const actualLength = lengthOf(this.actual);
    if ((actualLength === length) === this.negated) {
      fail(this.negated ? `expected a length other than ${length}` : `expected length ${length}, got ${describeValue(actualLength)}`);
    }
  }

  toThrow(expected?: ErrorMatcher): void {
    const actual = this.actual;
    if (typeof actual !== "function") fail("toThrow needs a function to call");
    let threw = false;
    let error: unknown;
    try {
      (actual as () => unknown)();
    } catch (caught) {
      threw = true;
      error = caught;
    }
    if (this.negated) {
      if (threw) fail(`expected no error, but it threw ${describeValue(error)}`);
      return;
    }
    if (!threw) fail(`expected an error${expected ? ` (${describeExpected(expected)})` : ""}, but nothing was thrown`);
    const mismatch = errorMatches(error, expected);
    if (mismatch) fail(mismatch);
  }
}

// Nothing outside this module can reach these prototypes (tests get instances, learner
// code gets none), but they are frozen anyway, like every builtin.
Object.freeze(Expectation.prototype);
Object.freeze(Expectation);

async function settledOf(actual: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await PromiseCtor.resolve(actual) };
  } catch (error) {
    return { ok: false, error };
  }
}

function resolvesOf(actual: unknown): Omit<AsyncMatchers, "toThrow"> {
  return {
    toBe: async (expected) => {
      const outcome = await settledOf(actual);
      if (!outcome.ok) fail(`expected the promise to resolve, but it rejected with ${describeValue(outcome.error)}`);
      new Expectation(outcome.value, false).toBe(expected);
    },
    toEqual: async (expected) => {
      const outcome = await settledOf(actual);
      if (!outcome.ok) fail(`expected the promise to resolve, but it rejected with ${describeValue(outcome.error)}`);
      new Expectation(outcome.value, false).toEqual(expected);
    },
  };
}

function rejectsOf(actual: unknown): Pick<AsyncMatchers, "toThrow"> {
  return {
    toThrow: async (expected) => {
      const outcome = await settledOf(actual);
      if (outcome.ok) fail(`expected the promise to reject, but it resolved with ${describeValue(outcome.value)}`);
      const mismatch = errorMatches(outcome.error, expected);
      if (mismatch) fail(mismatch);
    },
  };
}

function describeExpected(expected: ErrorMatcher): string {
  if (typeof expected === "function") return ctorName(expected);
  if (typeof expected === "string" || !isRegExp(expected)) return stringOf(expected);
  return `/${stringOf(apply(regExpSource, expected, []))}/${stringOf(apply(regExpFlags, expected, []))}`;
}

export function expect(actual: unknown): Matchers {
  return new Expectation(actual, false) as unknown as Matchers;
}
