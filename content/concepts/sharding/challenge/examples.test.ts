import { expect, test } from "@blueprint/test";
import { hashShard, RangeShardMap, scatterGather } from "./solution";

test("hashShard is murmur3_32(key) % shardCount", () => {
  // murmur3_32("user:42") = 3349586805
  expect(hashShard("user:42", 4)).toBe(1);
  expect(hashShard("user:42", 7)).toBe(5);
});

test("a range map sends a key equal to a bound to the next shard", () => {
  const map = new RangeShardMap(["g", "p"]);
  expect(map.shardCount).toBe(3);
  expect(map.shardFor("apple")).toBe(0);
  expect(map.shardFor("g")).toBe(1);
  expect(map.shardFor("zebra")).toBe(2);
});

test("split inserts a new shard right after the one split", () => {
  const map = new RangeShardMap(["g", "p"]);
  map.split(1, "k"); // shard 1 [g, p) becomes [g, k) and a new shard 2 [k, p)
  expect(map.shardCount).toBe(4);
  expect(map.shardFor("h")).toBe(1);
  expect(map.shardFor("m")).toBe(2);
  expect(map.shardFor("q")).toBe(3);
});

test("split rejects a point outside the shard's range", () => {
  const map = new RangeShardMap(["g", "p"]);
  expect(() => map.split(1, "q")).toThrow(RangeError);
});

test("scatterGather returns the global top rows, not each shard's", () => {
  const shards = [
    [{ id: "a", score: 90 }, { id: "b", score: 40 }],
    [{ id: "c", score: 70 }, { id: "d", score: 95 }],
  ];
  const top = scatterGather(shards, {
    where: (row) => row.score >= 50,
    orderBy: (x, y) => y.score - x.score,
    limit: 2,
  });
  expect(top.map((row) => row.id)).toEqual(["d", "a"]);
});
