import { createClock, expect, settle, test } from "@blueprint/test";
import { LruCache } from "./solution";

test("over capacity, the least recently used entry is evicted", () => {
  const clock = createClock();
  const cache = new LruCache<string, number>({ capacity: 2, now: clock.now });
  cache.set("a", 1);
  cache.set("b", 2);
  expect(cache.get("a")).toBe(1); // "a" is now the most recently used
  cache.set("c", 3); // evicts "b"
  expect(cache.get("b")).toBeUndefined();
  expect(cache.get("a")).toBe(1);
  expect(cache.get("c")).toBe(3);
  expect(cache.stats()).toEqual({ hits: 3, misses: 1, evictions: 1 });
});

test("an entry is live while now < set time + ttl", () => {
  const clock = createClock(1_000);
  const cache = new LruCache<string, string>({ capacity: 10, defaultTtlMs: 500, now: clock.now });
  cache.set("session", "s1");
  clock.set(1_499);
  expect(cache.get("session")).toBe("s1");
  clock.set(1_500);
  expect(cache.get("session")).toBeUndefined();
  expect(cache.size).toBe(0);
});

test("a ttl passed to set overrides the default", () => {
  const clock = createClock();
  const cache = new LruCache<string, string>({ capacity: 10, defaultTtlMs: 100, now: clock.now });
  cache.set("short", "x");
  cache.set("long", "y", 1_000);
  clock.advance(500);
  expect(cache.get("short")).toBeUndefined();
  expect(cache.get("long")).toBe("y");
});

test("concurrent getOrLoad calls for one key share one load", async () => {
  const clock = createClock();
  const cache = new LruCache<string, string>({ capacity: 10, now: clock.now });
  const waiting: Array<(value: string) => void> = [];
  const load = (key: string) => new Promise<string>((resolve) => waiting.push((value) => resolve(`${key}=${value}`)));
  const both = Promise.all([cache.getOrLoad("user:1", load), cache.getOrLoad("user:1", load)]);
  await settle();
  const loads = waiting.length;
  for (const finish of waiting) finish("ada");
  expect(await both).toEqual(["user:1=ada", "user:1=ada"]);
  expect(loads).toBe(1);
  expect(cache.get("user:1")).toBe("user:1=ada");
});
