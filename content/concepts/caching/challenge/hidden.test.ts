import { createClock, expect, randomInt, seededRandom, settle, test } from "@blueprint/test";
import { LruCache } from "./solution";

/** A promise whose settlement the test controls. */
function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Waits for every caller and lists what each got; handlers are attached at once. */
function outcomes<T>(callers: Array<Promise<T>>): Promise<Array<T | string>> {
  return Promise.allSettled(callers).then((settled) =>
    settled.map((one) => (one.status === "fulfilled" ? one.value : `rejected: ${(one.reason as Error)?.message}`)),
  );
}

// ---- recency and eviction ---------------------------------------------------------------

test("a missing key is undefined and counts one miss", () => {
  const clock = createClock();
  const cache = new LruCache<string, number>({ capacity: 4, now: clock.now });
  // The key doubles as the canary the build test looks for in client bundles.
  expect(cache.get("hidden-canary:caching")).toBeUndefined();
  expect(cache.stats()).toEqual({ hits: 0, misses: 1, evictions: 0 });
});

test("set on an existing key makes it the most recently used", () => {
  const clock = createClock();
  const cache = new LruCache<string, number>({ capacity: 2, now: clock.now });
  cache.set("a", 1);
  cache.set("b", 2);
  cache.set("a", 10); // "b" is now least recently used
  cache.set("c", 3);
  expect(cache.get("b")).toBeUndefined();
  expect(cache.get("a")).toBe(10);
  expect(cache.get("c")).toBe(3);
});

test("get makes a key the most recently used", () => {
  const clock = createClock();
  const cache = new LruCache<string, number>({ capacity: 3, now: clock.now });
  cache.set("a", 1);
  cache.set("b", 2);
  cache.set("c", 3);
  cache.get("a");
  cache.get("b");
  cache.set("d", 4); // evicts "c"
  expect(cache.get("c")).toBeUndefined();
  cache.set("e", 5); // evicts "a" (order now: a, b, d, e with a oldest)
  expect(cache.get("a")).toBeUndefined();
  expect(cache.get("b")).toBe(2);
  expect(cache.get("d")).toBe(4);
  expect(cache.get("e")).toBe(5);
});

test("evictions happen in least-recently-used order and are counted", () => {
  const clock = createClock();
  const cache = new LruCache<number, number>({ capacity: 3, now: clock.now });
  for (let i = 1; i <= 6; i++) cache.set(i, i * i);
  expect(cache.stats().evictions).toBe(3);
  expect(cache.size).toBe(3);
  expect([cache.get(1), cache.get(2), cache.get(3)]).toEqual([undefined, undefined, undefined]);
  expect([cache.get(4), cache.get(5), cache.get(6)]).toEqual([16, 25, 36]);
});

test("overwriting a key neither grows the cache nor counts an eviction", () => {
  const clock = createClock();
  const cache = new LruCache<string, number>({ capacity: 2, now: clock.now });
  cache.set("a", 1);
  cache.set("a", 2);
  cache.set("a", 3);
  cache.set("b", 4);
  expect(cache.size).toBe(2);
  expect(cache.get("a")).toBe(3);
  expect(cache.stats().evictions).toBe(0);
});

test("capacity 1 keeps only the latest key", () => {
  const clock = createClock();
  const cache = new LruCache<string, string>({ capacity: 1, now: clock.now });
  cache.set("x", "1");
  cache.set("y", "2");
  expect(cache.get("x")).toBeUndefined();
  expect(cache.get("y")).toBe("2");
  expect(cache.size).toBe(1);
  expect(cache.stats().evictions).toBe(1);
});

test("keys are compared like Map keys: 1 and '1' are different keys", () => {
  const clock = createClock();
  const cache = new LruCache<number | string, string>({ capacity: 4, now: clock.now });
  cache.set(1, "number");
  cache.set("1", "string");
  expect(cache.get(1)).toBe("number");
  expect(cache.get("1")).toBe("string");
  expect(cache.size).toBe(2);
});

test("a deleted key frees its slot without counting an eviction", () => {
  const clock = createClock();
  const cache = new LruCache<string, number>({ capacity: 2, now: clock.now });
  cache.set("a", 1);
  cache.set("b", 2);
  expect(cache.delete("a")).toBe(true);
  cache.set("c", 3);
  expect(cache.get("b")).toBe(2);
  expect(cache.get("c")).toBe(3);
  expect(cache.stats().evictions).toBe(0);
});

test("delete returns false for a key that is not there", () => {
  const clock = createClock();
  const cache = new LruCache<string, number>({ capacity: 2, now: clock.now });
  expect(cache.delete("nope")).toBe(false);
  cache.set("a", 1);
  expect(cache.delete("a")).toBe(true);
  expect(cache.delete("a")).toBe(false);
  expect(cache.get("a")).toBeUndefined();
});

test("hits and misses are counted for every get", () => {
  const clock = createClock();
  const cache = new LruCache<string, number>({ capacity: 2, now: clock.now });
  cache.get("a");
  cache.set("a", 1);
  cache.get("a");
  cache.get("a");
  cache.set("b", 2);
  cache.set("c", 3); // evicts "a"
  cache.get("a");
  cache.get("c");
  expect(cache.stats()).toEqual({ hits: 3, misses: 2, evictions: 1 });
});

// ---- expiry -------------------------------------------------------------------------------

test("ttl boundary: live at set time + ttl - 1, expired at set time + ttl", () => {
  const clock = createClock(10_000);
  const cache = new LruCache<string, string>({ capacity: 4, now: clock.now });
  cache.set("k", "v", 250);
  clock.set(10_249);
  expect(cache.get("k")).toBe("v");
  expect(cache.size).toBe(1);
  clock.set(10_250);
  expect(cache.get("k")).toBeUndefined();
  expect(cache.size).toBe(0);
});

test("without any ttl an entry never expires", () => {
  const clock = createClock();
  const cache = new LruCache<string, string>({ capacity: 4, now: clock.now });
  cache.set("forever", "yes");
  clock.advance(1e12);
  expect(cache.get("forever")).toBe("yes");
});

test("setting a key again restarts its ttl", () => {
  const clock = createClock();
  const cache = new LruCache<string, number>({ capacity: 4, defaultTtlMs: 100, now: clock.now });
  cache.set("k", 1);
  clock.set(80);
  cache.set("k", 2);
  clock.set(150);
  expect(cache.get("k")).toBe(2);
  clock.set(180);
  expect(cache.get("k")).toBeUndefined();
});

test("reading a key refreshes its recency but not its ttl", () => {
  const clock = createClock();
  const cache = new LruCache<string, number>({ capacity: 4, defaultTtlMs: 100, now: clock.now });
  cache.set("k", 1);
  clock.set(60);
  expect(cache.get("k")).toBe(1);
  clock.set(100);
  expect(cache.get("k")).toBeUndefined();
});

test("an expired entry is a miss", () => {
  const clock = createClock();
  const cache = new LruCache<string, number>({ capacity: 4, defaultTtlMs: 10, now: clock.now });
  cache.set("k", 1);
  expect(cache.get("k")).toBe(1);
  clock.advance(10);
  expect(cache.get("k")).toBeUndefined();
  expect(cache.stats()).toEqual({ hits: 1, misses: 1, evictions: 0 });
});

test("delete of an expired key returns false", () => {
  const clock = createClock();
  const cache = new LruCache<string, number>({ capacity: 4, now: clock.now });
  cache.set("k", 1, 50);
  clock.advance(50);
  expect(cache.delete("k")).toBe(false);
});

test("size counts only live entries", () => {
  const clock = createClock();
  const cache = new LruCache<string, number>({ capacity: 10, now: clock.now });
  cache.set("a", 1, 100);
  cache.set("b", 2, 200);
  cache.set("c", 3, 300);
  cache.set("d", 4);
  expect(cache.size).toBe(4);
  clock.set(100);
  expect(cache.size).toBe(3);
  clock.set(250);
  expect(cache.size).toBe(2);
  clock.set(1e9);
  expect(cache.size).toBe(1);
});

test("over capacity, an expired entry goes before any live one and is not an eviction", () => {
  const clock = createClock();
  const cache = new LruCache<string, number>({ capacity: 2, now: clock.now });
  cache.set("a", 1, 100);
  cache.set("b", 2);
  cache.get("a"); // "a" is the most recently used, but it will expire
  clock.set(100);
  cache.set("c", 3);
  expect(cache.get("b")).toBe(2);
  expect(cache.get("c")).toBe(3);
  expect(cache.stats().evictions).toBe(0);
});

test("expired entries do not take capacity from live ones", () => {
  const clock = createClock();
  const cache = new LruCache<string, number>({ capacity: 3, now: clock.now });
  cache.set("old1", 1, 10);
  cache.set("old2", 2, 10);
  cache.set("keep", 3);
  clock.set(10);
  cache.set("new1", 4);
  cache.set("new2", 5);
  expect(cache.size).toBe(3);
  expect(cache.get("keep")).toBe(3);
  expect(cache.get("new1")).toBe(4);
  expect(cache.get("new2")).toBe(5);
  expect(cache.stats().evictions).toBe(0);
  cache.set("new3", 6); // now a live entry must go: "keep" was read before new1 and new2
  expect(cache.get("keep")).toBeUndefined();
  expect(cache.stats().evictions).toBe(1);
});

// ---- getOrLoad ------------------------------------------------------------------------------

test("getOrLoad on a hit returns the cached value without loading and counts a hit", async () => {
  const clock = createClock();
  const cache = new LruCache<string, string>({ capacity: 4, now: clock.now });
  cache.set("k", "cached");
  let calls = 0;
  const value = await cache.getOrLoad("k", async () => {
    calls++;
    return "loaded";
  });
  expect(value).toBe("cached");
  expect(calls).toBe(0);
  expect(cache.stats()).toEqual({ hits: 1, misses: 0, evictions: 0 });
});

test("getOrLoad stores the loaded value, so the next lookup is a hit", async () => {
  const clock = createClock();
  const cache = new LruCache<string, string>({ capacity: 4, now: clock.now });
  let calls = 0;
  const load = async (key: string) => {
    calls++;
    return `value of ${key}`;
  };
  expect(await cache.getOrLoad("k", load)).toBe("value of k");
  expect(await cache.getOrLoad("k", load)).toBe("value of k");
  expect(cache.get("k")).toBe("value of k");
  expect(calls).toBe(1);
  expect(cache.stats()).toEqual({ hits: 2, misses: 1, evictions: 0 });
});

test("every concurrent getOrLoad caller counts a miss, but load runs once", async () => {
  const clock = createClock();
  const cache = new LruCache<string, number>({ capacity: 4, now: clock.now });
  const gate = deferred<number>();
  let calls = 0;
  const load = () => {
    calls++;
    return gate.promise;
  };
  const results = outcomes([cache.getOrLoad("hot", load), cache.getOrLoad("hot", load), cache.getOrLoad("hot", load)]);
  await settle();
  const loads = calls;
  gate.resolve(42);
  expect(await results).toEqual([42, 42, 42]);
  expect(loads).toBe(1);
  expect(cache.stats()).toEqual({ hits: 0, misses: 3, evictions: 0 });
});

test("a rejected load reaches every waiter and is not stored", async () => {
  const clock = createClock();
  const cache = new LruCache<string, number>({ capacity: 4, now: clock.now });
  const gate = deferred<number>();
  let calls = 0;
  const load = () => {
    calls++;
    return gate.promise;
  };
  const results = outcomes([cache.getOrLoad("k", load), cache.getOrLoad("k", load)]);
  await settle();
  gate.reject(new Error("database down"));
  expect(await results).toEqual(["rejected: database down", "rejected: database down"]);
  expect(cache.get("k")).toBeUndefined();
  expect(calls).toBe(1);
});

test("after a rejected load, the next getOrLoad loads again", async () => {
  const clock = createClock();
  const cache = new LruCache<string, number>({ capacity: 4, now: clock.now });
  let calls = 0;
  const load = async () => {
    calls++;
    if (calls === 1) throw new Error("flaky");
    return 7;
  };
  await expect(cache.getOrLoad("k", load)).rejects.toThrow("flaky");
  expect(await cache.getOrLoad("k", load)).toBe(7);
  expect(calls).toBe(2);
  expect(cache.get("k")).toBe(7);
});

test("different keys load independently", async () => {
  const clock = createClock();
  const cache = new LruCache<string, string>({ capacity: 4, now: clock.now });
  const gates = new Map<string, ReturnType<typeof deferred<string>>>();
  const load = (key: string) => {
    const gate = deferred<string>();
    gates.set(key, gate);
    return gate.promise;
  };
  const a = outcomes([cache.getOrLoad("a", load)]);
  const b = outcomes([cache.getOrLoad("b", load)]);
  await settle();
  expect(gates.size).toBe(2);
  gates.get("b")!.resolve("B");
  expect(await b).toEqual(["B"]);
  gates.get("a")!.resolve("A");
  expect(await a).toEqual(["A"]);
});

test("a loaded value expires after the default ttl and is then loaded again", async () => {
  const clock = createClock();
  const cache = new LruCache<string, number>({ capacity: 4, defaultTtlMs: 100, now: clock.now });
  let calls = 0;
  const load = async () => ++calls;
  expect(await cache.getOrLoad("k", load)).toBe(1);
  clock.set(99);
  expect(await cache.getOrLoad("k", load)).toBe(1);
  clock.set(100);
  expect(await cache.getOrLoad("k", load)).toBe(2);
  expect(calls).toBe(2);
});

test("a loaded value takes a slot like set, evicting the least recently used", async () => {
  const clock = createClock();
  const cache = new LruCache<string, string>({ capacity: 2, now: clock.now });
  cache.set("a", "1");
  cache.set("b", "2");
  cache.get("a");
  expect(await cache.getOrLoad("c", async () => "3")).toBe("3");
  expect(cache.get("b")).toBeUndefined();
  expect(cache.get("a")).toBe("1");
  expect(cache.get("c")).toBe("3");
  expect(cache.stats().evictions).toBe(1);
});

// ---- properties and performance ---------------------------------------------------------

/** A slow, obviously correct model: an array in recency order (oldest first). */
class ModelCache {
  entries: Array<{ key: number; value: number; expiresAt: number }> = [];
  hits = 0;
  misses = 0;
  evictions = 0;
  constructor(
    private readonly capacity: number,
    private readonly now: () => number,
  ) {}
  private purge() {
    const now = this.now();
    this.entries = this.entries.filter((entry) => now < entry.expiresAt);
  }
  get(key: number) {
    this.purge();
    const index = this.entries.findIndex((entry) => entry.key === key);
    if (index < 0) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    const [entry] = this.entries.splice(index, 1);
    this.entries.push(entry!);
    return entry!.value;
  }
  set(key: number, value: number, ttl: number | undefined) {
    this.purge();
    this.entries = this.entries.filter((entry) => entry.key !== key);
    this.entries.push({ key, value, expiresAt: ttl === undefined ? Infinity : this.now() + ttl });
    while (this.entries.length > this.capacity) {
      this.entries.shift();
      this.evictions++;
    }
  }
  delete(key: number) {
    this.purge();
    const before = this.entries.length;
    this.entries = this.entries.filter((entry) => entry.key !== key);
    return this.entries.length < before;
  }
  get size() {
    this.purge();
    return this.entries.length;
  }
}

type Op =
  | { kind: "advance"; ms: number }
  | { kind: "set"; key: number; value: number; ttl: number | undefined }
  | { kind: "get"; key: number }
  | { kind: "delete"; key: number }
  | { kind: "size" }
  | { kind: "stats" };

function show(op: Op): string {
  switch (op.kind) {
    case "advance":
      return `clock.advance(${op.ms})`;
    case "set":
      return `set(${op.key}, ${op.value}${op.ttl === undefined ? "" : `, ${op.ttl}`})`;
    case "get":
      return `get(${op.key})`;
    case "delete":
      return `delete(${op.key})`;
    case "size":
      return "size";
    case "stats":
      return "stats()";
  }
}

/** Runs ops against the learner's cache and the model; the first disagreement, or null. */
function replay(ops: Op[], capacity: number): string | null {
  const clock = createClock();
  const cache = new LruCache<number, number>({ capacity, now: clock.now });
  const model = new ModelCache(capacity, clock.now);
  for (const op of ops) {
    let got: unknown;
    let expected: unknown;
    try {
      if (op.kind === "advance") {
        clock.advance(op.ms);
        continue;
      } else if (op.kind === "set") {
        cache.set(op.key, op.value, op.ttl);
        model.set(op.key, op.value, op.ttl);
        continue;
      } else if (op.kind === "get") {
        [got, expected] = [cache.get(op.key), model.get(op.key)];
      } else if (op.kind === "delete") {
        [got, expected] = [cache.delete(op.key), model.delete(op.key)];
      } else if (op.kind === "size") {
        [got, expected] = [cache.size, model.size];
      } else {
        const stats = cache.stats();
        got = `hits ${stats.hits}, misses ${stats.misses}, evictions ${stats.evictions}`;
        expected = `hits ${model.hits}, misses ${model.misses}, evictions ${model.evictions}`;
      }
    } catch (error) {
      return `${show(op)} threw ${String(error)}`;
    }
    if (got !== expected) return `${show(op)} gave ${String(got)}, expected ${String(expected)}`;
  }
  return null;
}

/** Shrinks a failing op list: the shortest failing prefix, then drops ops one at a time while it still fails. */
function shrink(ops: Op[], capacity: number): { ops: Op[]; failure: string } {
  let length = 1;
  while (length < ops.length && replay(ops.slice(0, length), capacity) === null) length++;
  let smallest = ops.slice(0, length);
  for (let i = smallest.length - 2; i >= 0; i--) {
    const candidate = [...smallest.slice(0, i), ...smallest.slice(i + 1)];
    if (replay(candidate, capacity) !== null) smallest = candidate;
  }
  return { ops: smallest, failure: replay(smallest, capacity) ?? "" };
}

test("random get, set and delete with ttls and a moving clock match a simple model", () => {
  const random = seededRandom(20_260_505);
  const ttls = [undefined, 5, 10, 25];
  for (let round = 0; round < 20; round++) {
    const capacity = randomInt(random, 1, 6);
    // Whether delete counts as a lookup is not part of the contract, so stats are compared
    // only in rounds without deletes.
    const withDeletes = round % 2 === 0;
    const ops: Op[] = [];
    for (let step = 0; step < 150; step++) {
      const key = randomInt(random, 0, 9);
      const roll = random();
      if (roll < 0.1) ops.push({ kind: "advance", ms: randomInt(random, 0, 7) });
      else if (roll < 0.5) {
        const value = randomInt(random, 0, 999);
        ops.push({ kind: "set", key, value, ttl: ttls[randomInt(random, 0, ttls.length - 1)] });
      } else if (roll < 0.6 && withDeletes) ops.push({ kind: "delete", key });
      else ops.push({ kind: "get", key });
      if (step % 10 === 9) ops.push({ kind: "size" });
    }
    if (!withDeletes) ops.push({ kind: "stats" });
    if (replay(ops, capacity) === null) continue;
    const smallest = shrink(ops, capacity);
    throw new Error(`capacity ${capacity}: after ${smallest.ops.slice(0, -1).map(show).join("; ") || "nothing"}: ${smallest.failure}`);
  }
});

test("entries still expire exactly on time after another key was rewritten a thousand times", () => {
  const clock = createClock();
  const cache = new LruCache<string, number>({ capacity: 100, now: clock.now });
  const random = seededRandom(5);
  const expiresAt = new Map<string, number>();
  for (let slot = 0; slot < 10; slot++) {
    // Disjoint ranges per key, so no two keys expire at the same ms.
    const ttl = 2000 + slot * 100 + randomInt(random, 0, 99);
    cache.set(`k${slot}`, slot, ttl);
    expiresAt.set(`k${slot}`, ttl);
  }
  for (let i = 0; i < 1200; i++) {
    clock.advance(1);
    cache.set("hot", i, randomInt(random, 1, 5000));
  }
  cache.set("hot", -1); // no ttl from now on
  const order = [...expiresAt].sort((a, b) => a[1] - b[1]);
  order.forEach(([key, at], index) => {
    clock.set(at - 1);
    expect(cache.size).toBe(order.length - index + 1);
    expect(cache.get(key)).not.toBeUndefined();
    clock.set(at);
    expect(cache.get(key)).toBeUndefined();
    expect(cache.size).toBe(order.length - index);
  });
});

test("a key rewritten without a ttl keeps no old expiry, after thousands of rewrites", () => {
  const clock = createClock();
  const cache = new LruCache<string, number>({ capacity: 10, now: clock.now });
  for (let i = 0; i < 1025; i++) {
    clock.advance(1);
    cache.set("a", i, 5000);
  }
  cache.set("a", -1);
  cache.set("b", 2, 1000);
  clock.advance(999);
  expect(cache.get("b")).toBe(2);
  clock.set(10_000);
  expect(cache.get("a")).toBe(-1);
  expect(cache.get("b")).toBeUndefined();
  expect(cache.size).toBe(1);
});

test("200,000 mixed operations at capacity 50,000 finish in time and stay correct", () => {
  const clock = createClock();
  const capacity = 50_000;
  const cache = new LruCache<number, number>({ capacity, defaultTtlMs: 1e9, now: clock.now });
  // A fast model of the same cache: each touch appends (key, stamp) to a queue; the least
  // recently used key is the first queued pair whose stamp is still the key's latest.
  const latest = new Map<number, number>();
  const values = new Map<number, number>();
  const queueKeys: number[] = [];
  const queueStamps: number[] = [];
  let head = 0;
  let stamp = 0;
  const touch = (key: number) => {
    stamp++;
    latest.set(key, stamp);
    queueKeys.push(key);
    queueStamps.push(stamp);
  };
  let expectedHits = 0;
  let expectedMisses = 0;
  let expectedEvictions = 0;
  const random = seededRandom(50_000);
  for (let i = 0; i < 200_000; i++) {
    const key = Math.floor(random() * 150_000);
    if (random() < 0.7) {
      cache.set(key, i);
      values.set(key, i);
      touch(key);
      while (values.size > capacity) {
        while (latest.get(queueKeys[head]!) !== queueStamps[head]) head++;
        const oldest = queueKeys[head++]!;
        latest.delete(oldest);
        values.delete(oldest);
        expectedEvictions++;
      }
    } else {
      const expected = values.get(key);
      if (expected === undefined) expectedMisses++;
      else {
        expectedHits++;
        touch(key);
      }
      const got = cache.get(key);
      if (got !== expected) throw new Error(`get(${key}) at operation ${i}: expected ${expected}, got ${got}`);
    }
  }
  expect(cache.size).toBe(values.size);
  expect(cache.stats()).toEqual({ hits: expectedHits, misses: expectedMisses, evictions: expectedEvictions });
});
