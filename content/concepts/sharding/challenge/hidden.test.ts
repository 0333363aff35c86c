import { catchError, expect, randomInt, seededRandom, test } from "@blueprint/test";
import { murmur3_32 } from "./support";
import { hashShard, RangeShardMap, scatterGather } from "./solution";

const ALPHABET = ["a", "b", "g", "k", "p", "z", "A", "Z", "0", "9", "-", ":", "é", "日", "\u{1F600}"];

function randomKey(random: () => number, maxLength = 6): string {
  const length = randomInt(random, 0, maxLength);
  let key = "";
  for (let i = 0; i < length; i++) key += ALPHABET[randomInt(random, 0, ALPHABET.length - 1)];
  return key;
}

/** The shard a key belongs to, by reading the bounds one by one (the slow, obvious way). */
function expectedShard(bounds: string[], key: string): number {
  for (let i = 0; i < bounds.length; i++) if (key < bounds[i]!) return i;
  return bounds.length;
}

function sortedDistinctKeys(random: () => number, count: number): string[] {
  const keys = new Set<string>();
  while (keys.size < count) keys.add(randomKey(random, 4) || "a");
  return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

// ---- hash sharding --------------------------------------------------------------

test("hashShard: equals murmur3_32(key) % shardCount for any key and shard count", () => {
  const random = seededRandom(6);
  const keys = ["hidden-canary:sharding", "", "user:42", "héllo", "日本", "\u{1F600}"];
  for (let i = 0; i < 500; i++) keys.push(randomKey(random, 12));
  for (const key of keys) {
    const shardCount = randomInt(random, 1, 5000);
    expect([key, shardCount, hashShard(key, shardCount)]).toEqual([key, shardCount, murmur3_32(key) % shardCount]);
  }
});

test("hashShard: one shard takes every key", () => {
  for (const key of ["a", "b", "user:1", ""]) expect(hashShard(key, 1)).toBe(0);
});

// ---- range sharding -------------------------------------------------------------

test("range map: no bounds means one shard that holds everything", () => {
  const map = new RangeShardMap([]);
  expect(map.shardCount).toBe(1);
  for (const key of ["", "a", "zzzz", "日本"]) expect(map.shardFor(key)).toBe(0);
});

test("range map: n bounds make n + 1 shards, the last one unbounded", () => {
  const map = new RangeShardMap(["d", "m", "t"]);
  expect(map.shardCount).toBe(4);
  expect(map.shardFor("zzzzzz")).toBe(3);
  expect(map.shardFor("\u{1F600}")).toBe(3);
});

test("range map: bounds are exclusive upper bounds", () => {
  const map = new RangeShardMap(["d", "m", "t"]);
  expect(map.shardFor("")).toBe(0);
  expect(map.shardFor("cz")).toBe(0);
  expect(map.shardFor("d")).toBe(1);
  expect(map.shardFor("d0")).toBe(1);
  expect(map.shardFor("m")).toBe(2);
  expect(map.shardFor("t")).toBe(3);
});

test("range map: keys compare as JS strings (code units, not locale or numbers)", () => {
  const map = new RangeShardMap(["9", "a"]);
  expect(map.shardFor("10")).toBe(0); // "10" < "9" as strings
  expect(map.shardFor("Z")).toBe(1); // uppercase sorts before lowercase
  expect(map.shardFor("B")).toBe(1);
  expect(map.shardFor("b")).toBe(2);
  expect(map.shardFor("é")).toBe(2); // U+00E9 is above "a"
});

test("range map: every key lands where the bounds say, over random bounds and keys", () => {
  const random = seededRandom(61);
  for (let round = 0; round < 60; round++) {
    const bounds = sortedDistinctKeys(random, randomInt(random, 1, 25));
    const map = new RangeShardMap(bounds);
    for (let i = 0; i < 60; i++) {
      const key = random() < 0.3 ? bounds[randomInt(random, 0, bounds.length - 1)]! : randomKey(random, 4);
      // The bounds are joined into the message only on a mismatch: most of the cost otherwise.
      const got = map.shardFor(key);
      const want = expectedShard(bounds, key);
      if (got !== want) expect([bounds.join(","), key, got]).toEqual([bounds.join(","), key, want]);
    }
  }
});

test("range map: lookups are a binary search (50,000 shards, 50,000 lookups)", () => {
  const bounds: string[] = [];
  for (let i = 1; i <= 50_000; i++) bounds.push("k" + String(i * 2).padStart(6, "0"));
  const map = new RangeShardMap(bounds);
  let sum = 0;
  for (let i = 0; i < 50_000; i++) sum += map.shardFor("k" + String(i * 2 + 1).padStart(6, "0"));
  // key k(2i+1) sits between bounds k(2i) and k(2i+2), so it lands on shard i
  expect(sum).toBe((49_999 * 50_000) / 2);
});

test("split: the new shard sits right after the split one and takes keys >= at", () => {
  const map = new RangeShardMap(["d", "m", "t"]);
  map.split(2, "p"); // [m, t) becomes [m, p) and [p, t)
  expect(map.shardCount).toBe(5);
  expect(map.shardFor("a")).toBe(0);
  expect(map.shardFor("e")).toBe(1);
  expect(map.shardFor("n")).toBe(2);
  expect(map.shardFor("p")).toBe(3);
  expect(map.shardFor("s")).toBe(3);
  expect(map.shardFor("t")).toBe(4);
  expect(map.shardFor("x")).toBe(4);
});

test("split: shard 0 has no lower bound, so any point below its upper bound works", () => {
  const map = new RangeShardMap(["m"]);
  map.split(0, "c");
  expect(map.shardCount).toBe(3);
  expect(map.shardFor("b")).toBe(0);
  expect(map.shardFor("c")).toBe(1);
  expect(map.shardFor("m")).toBe(2);
  map.split(0, ""); // "" is below every other key; shard 0 now holds nothing but keys < ""
  expect(map.shardCount).toBe(4);
  expect(map.shardFor("")).toBe(1);
  expect(map.shardFor("a")).toBe(1);
});

test("split: the last shard has no upper bound, so any point above its lower bound works", () => {
  const map = new RangeShardMap(["m"]);
  map.split(1, "zz");
  expect(map.shardCount).toBe(3);
  expect(map.shardFor("y")).toBe(1);
  expect(map.shardFor("zz")).toBe(2);
  expect(map.shardFor("\u{1F600}")).toBe(2);
  const single = new RangeShardMap([]);
  single.split(0, "k");
  expect(single.shardCount).toBe(2);
  expect(single.shardFor("j")).toBe(0);
  expect(single.shardFor("k")).toBe(1);
});

test("split: a point equal to the shard's lower or upper bound throws RangeError", () => {
  const map = new RangeShardMap(["d", "m", "t"]);
  expect(() => map.split(1, "d")).toThrow(RangeError);
  expect(() => map.split(1, "m")).toThrow(RangeError);
  expect(() => map.split(0, "d")).toThrow(RangeError);
  expect(() => map.split(3, "t")).toThrow(RangeError);
});

test("split: a point outside the shard's range throws RangeError", () => {
  const map = new RangeShardMap(["d", "m", "t"]);
  expect(() => map.split(1, "a")).toThrow(RangeError);
  expect(() => map.split(1, "q")).toThrow(RangeError);
  expect(() => map.split(0, "e")).toThrow(RangeError);
  expect(() => map.split(3, "a")).toThrow(RangeError);
});

test("split: a shard number that does not exist throws RangeError", () => {
  const map = new RangeShardMap(["d", "m"]);
  for (const shard of [-1, 3, 4, 1.5, Number.NaN]) {
    const error = catchError(() => map.split(shard, "e"));
    expect(error).toBeInstanceOf(RangeError);
  }
});

test("split: a rejected split leaves the map as it was", () => {
  const map = new RangeShardMap(["d", "m"]);
  catchError(() => map.split(1, "z"));
  catchError(() => map.split(5, "e"));
  expect(map.shardCount).toBe(3);
  expect(map.shardFor("e")).toBe(1);
  expect(map.shardFor("z")).toBe(2);
});

test("split: many random splits route like a sorted list of bounds", () => {
  const random = seededRandom(606);
  for (let round = 0; round < 20; round++) {
    const bounds = sortedDistinctKeys(random, randomInt(random, 0, 6));
    const map = new RangeShardMap(bounds);
    for (let step = 0; step < 40; step++) {
      const shard = randomInt(random, 0, bounds.length);
      const at = randomKey(random, 5);
      const lower = shard === 0 ? undefined : bounds[shard - 1]!;
      const upper = shard === bounds.length ? undefined : bounds[shard]!;
      const valid = (lower === undefined || lower < at) && (upper === undefined || at < upper);
      const error = catchError(() => map.split(shard, at));
      expect([shard, at, error instanceof RangeError]).toEqual([shard, at, !valid]);
      if (valid) bounds.splice(shard, 0, at);
      expect(map.shardCount).toBe(bounds.length + 1);
      for (let i = 0; i < 5; i++) {
        const key = randomKey(random, 5);
        const got = map.shardFor(key);
        const want = expectedShard(bounds, key);
        if (got !== want) expect([bounds.join(","), key, got]).toEqual([bounds.join(","), key, want]);
      }
    }
  }
});

// ---- scatter-gather -------------------------------------------------------------

interface Row {
  shard: number;
  id: number;
  score: number;
}

const byScore = (a: Row, b: Row) => a.score - b.score;
const any = () => true;

test("scatterGather: limit 0 or below returns no rows", () => {
  const shards = [[{ shard: 0, id: 1, score: 3 }], [{ shard: 1, id: 2, score: 1 }]];
  expect(scatterGather(shards, { where: any, orderBy: byScore, limit: 0 })).toEqual([]);
  expect(scatterGather(shards, { where: any, orderBy: byScore, limit: -1 })).toEqual([]);
  expect(scatterGather(shards, { where: any, orderBy: byScore, limit: -5 })).toEqual([]);
});

test("scatterGather: no shards, or only empty shards, give no rows", () => {
  expect(scatterGather<Row>([], { where: any, orderBy: byScore, limit: 3 })).toEqual([]);
  expect(scatterGather<Row>([[], [], []], { where: any, orderBy: byScore, limit: 3 })).toEqual([]);
});

test("scatterGather: shards need not be sorted; the result is in global orderBy order", () => {
  const shards: Row[][] = [
    [{ shard: 0, id: 1, score: 50 }, { shard: 0, id: 2, score: 10 }, { shard: 0, id: 3, score: 30 }],
    [{ shard: 1, id: 4, score: 20 }, { shard: 1, id: 5, score: 60 }],
    [{ shard: 2, id: 6, score: 40 }, { shard: 2, id: 7, score: 5 }],
  ];
  const rows = scatterGather(shards, { where: any, orderBy: byScore, limit: 5 });
  expect(rows.map((row) => row.id)).toEqual([7, 2, 4, 3, 6]);
});

test("scatterGather: one shard may hold the whole top N", () => {
  const shards: Row[][] = [
    [{ shard: 0, id: 1, score: 1 }, { shard: 0, id: 2, score: 2 }, { shard: 0, id: 3, score: 3 }],
    [{ shard: 1, id: 4, score: 10 }],
  ];
  const rows = scatterGather(shards, { where: any, orderBy: byScore, limit: 3 });
  expect(rows.map((row) => row.id)).toEqual([1, 2, 3]);
});

test("scatterGather: where filters before the limit is applied", () => {
  const shards: Row[][] = [
    [{ shard: 0, id: 1, score: 1 }, { shard: 0, id: 2, score: 2 }, { shard: 0, id: 3, score: 8 }],
    [{ shard: 1, id: 4, score: 3 }, { shard: 1, id: 5, score: 9 }],
  ];
  const rows = scatterGather(shards, { where: (row) => row.score > 2, orderBy: byScore, limit: 2 });
  expect(rows.map((row) => row.id)).toEqual([4, 3]);
});

test("scatterGather: a limit above the matching rows returns them all", () => {
  const shards: Row[][] = [[{ shard: 0, id: 1, score: 4 }], [{ shard: 1, id: 2, score: 2 }, { shard: 1, id: 3, score: 6 }]];
  const rows = scatterGather(shards, { where: any, orderBy: byScore, limit: 100 });
  expect(rows.map((row) => row.id)).toEqual([2, 1, 3]);
});

test("scatterGather: on a tie the row from the lower shard comes first", () => {
  const shards: Row[][] = [
    [{ shard: 0, id: 1, score: 5 }],
    [{ shard: 1, id: 2, score: 5 }, { shard: 1, id: 3, score: 1 }],
    [{ shard: 2, id: 4, score: 5 }],
  ];
  const all = scatterGather(shards, { where: any, orderBy: byScore, limit: 10 });
  expect(all.map((row) => row.id)).toEqual([3, 1, 2, 4]);
  const cut = scatterGather(shards, { where: any, orderBy: byScore, limit: 2 });
  expect(cut.map((row) => row.id)).toEqual([3, 1]);
});

test("scatterGather: orderBy decides the direction (descending here)", () => {
  const shards: Row[][] = [
    [{ shard: 0, id: 1, score: 5 }, { shard: 0, id: 2, score: 9 }],
    [{ shard: 1, id: 3, score: 7 }],
  ];
  const rows = scatterGather(shards, { where: any, orderBy: (a, b) => b.score - a.score, limit: 2 });
  expect(rows.map((row) => row.id)).toEqual([2, 3]);
});

test("scatterGather: matches one big table over random shards", () => {
  const random = seededRandom(6006);
  for (let round = 0; round < 150; round++) {
    const shardCount = randomInt(random, 1, 6);
    const shards: Row[][] = [];
    let id = 0;
    for (let s = 0; s < shardCount; s++) {
      // Scores are distinct inside a shard and often shared between shards.
      const scores = new Set<number>();
      const size = randomInt(random, 0, 12);
      while (scores.size < size) scores.add(randomInt(random, 0, 30));
      shards.push([...scores].map((score) => ({ shard: s, id: id++, score })));
    }
    const threshold = randomInt(random, 0, 15);
    const limit = randomInt(random, -1, 20);
    const where = (row: Row) => row.score >= threshold;
    const expected = limit <= 0 ? [] : shards.flat().filter(where).sort(byScore).slice(0, limit);
    const actual = scatterGather(shards, { where, orderBy: byScore, limit });
    expect([round, actual.map((row) => row.id)]).toEqual([round, expected.map((row) => row.id)]);
  }
});
