import { expect, randomInt, seededRandom, test } from "@blueprint/test";
import { murmur3_32 } from "./support";
import { HashRing } from "./solution";

/**
 * A hash you can read: strings listed in `table` hash to their entry, "pos:N" hashes to N.
 * It lets a test place every virtual node and every key exactly.
 */
function readableHash(table: Record<string, number>) {
  return (s: string) => (s in table ? table[s]! : s.startsWith("pos:") ? Number(s.slice(4)) : 1e12);
}

/** A fast, well-mixed 32-bit hash (FNV-1a with a final mix), for the large tests. */
function quickHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/** The mapping computed the slow, obvious way: every virtual node, smallest position >= hash(key). */
function bruteForce(nodes: Array<[string, number]>, virtualNodes: number, hash: (s: string) => number) {
  const points: Array<{ position: number; owner: string }> = [];
  for (const [id, weight] of nodes) {
    for (let i = 0; i < virtualNodes * weight; i++) points.push({ position: hash(`${id}#${i}`), owner: id });
  }
  return (key: string): string => {
    const h = hash(key);
    let best: { position: number; owner: string } | undefined;
    let lowest: { position: number; owner: string } | undefined;
    for (const point of points) {
      if (!lowest || point.position < lowest.position) lowest = point;
      if (point.position >= h && (!best || point.position < best.position)) best = point;
    }
    return (best ?? lowest)!.owner;
  };
}

// ---- placement ----------------------------------------------------------------------------

test("getNode throws an Error on an empty ring, also once every node is removed", () => {
  const ring = new HashRing();
  // The key doubles as the canary the build test looks for in client bundles.
  expect(() => ring.getNode("hidden-canary:consistent-hashing")).toThrow(Error);
  ring.addNode("a");
  expect(ring.getNode("k")).toBe("a");
  ring.removeNode("a");
  expect(() => ring.getNode("k")).toThrow(Error);
});

test("a single node owns every key", () => {
  const ring = new HashRing();
  ring.addNode("only");
  for (let i = 0; i < 200; i++) expect(ring.getNode(`key-${i}`)).toBe("only");
});

test("a key maps to the first virtual node at or after its hash", () => {
  const ring = new HashRing({ virtualNodes: 1, hash: readableHash({ "a#0": 1_000, "b#0": 2_000, "c#0": 3_000 }) });
  ring.addNode("a");
  ring.addNode("b");
  ring.addNode("c");
  expect(ring.getNode("pos:0")).toBe("a");
  expect(ring.getNode("pos:999")).toBe("a");
  expect(ring.getNode("pos:1000")).toBe("a");
  expect(ring.getNode("pos:1001")).toBe("b");
  expect(ring.getNode("pos:2000")).toBe("b");
  expect(ring.getNode("pos:2999")).toBe("c");
  expect(ring.getNode("pos:3000")).toBe("c");
});

test("a key past the last virtual node wraps to the first", () => {
  const ring = new HashRing({ virtualNodes: 1, hash: readableHash({ "a#0": 1_000, "b#0": 2_000, "c#0": 3_000 }) });
  ring.addNode("c");
  ring.addNode("b");
  ring.addNode("a");
  expect(ring.getNode("pos:3001")).toBe("a");
  expect(ring.getNode("pos:4294967295")).toBe("a");
});

test("virtual node i of a node sits at hash(`${id}#${i}`)", () => {
  const hash = readableHash({ "x#0": 100, "x#1": 500, "x#2": 900, "y#0": 300, "y#1": 700, "y#2": 1_100 });
  const ring = new HashRing({ virtualNodes: 3, hash });
  ring.addNode("x");
  ring.addNode("y");
  const owners = [50, 200, 400, 600, 800, 1_000, 1_200].map((p) => ring.getNode(`pos:${p}`));
  expect(owners).toEqual(["x", "y", "x", "y", "x", "y", "x"]);
});

test("the default is 160 virtual nodes per node, placed with murmur3_32", () => {
  const nodes: Array<[string, number]> = [["alpha", 1], ["beta", 1], ["gamma", 1], ["delta", 1], ["epsilon", 1]];
  const ring = new HashRing();
  for (const [id] of nodes) ring.addNode(id);
  const expected = bruteForce(nodes, 160, murmur3_32);
  for (let i = 0; i < 300; i++) {
    const key = `order:${i * 7919}`;
    expect(ring.getNode(key)).toBe(expected(key));
  }
});

test("virtualNodes and hash options are honoured", () => {
  const nodes: Array<[string, number]> = [["n1", 1], ["n2", 1], ["n3", 1]];
  const ring = new HashRing({ virtualNodes: 5, hash: quickHash });
  for (const [id] of nodes) ring.addNode(id);
  const expected = bruteForce(nodes, 5, quickHash);
  for (let i = 0; i < 300; i++) {
    const key = `session-${i}`;
    expect(ring.getNode(key)).toBe(expected(key));
  }
});

test("a weight multiplies the number of virtual nodes", () => {
  const hash = readableHash({ "a#0": 100, "a#1": 200, "a#2": 300, "a#3": 400, "b#0": 150, "b#1": 50, "b#2": 250, "b#3": 350 });
  const ring = new HashRing({ virtualNodes: 2, hash });
  ring.addNode("a", 2);
  ring.addNode("b");
  // a: 100, 200, 300, 400; b: 50, 150 (b#2 and b#3 are not on the ring)
  const owners = [40, 120, 160, 220, 320, 420].map((p) => ring.getNode(`pos:${p}`));
  expect(owners).toEqual(["b", "b", "a", "a", "a", "b"]);
});

test("a node with weight 2 gets about twice the keys of a node with weight 1", () => {
  const ring = new HashRing();
  ring.addNode("small-1");
  ring.addNode("small-2");
  ring.addNode("big", 2);
  const counts = new Map<string, number>();
  for (let i = 0; i < 20_000; i++) {
    const owner = ring.getNode(`item-${i}`);
    counts.set(owner, (counts.get(owner) ?? 0) + 1);
  }
  const bigShare = (counts.get("big") ?? 0) / 20_000;
  expect(bigShare).toBeGreaterThan(0.42);
  expect(bigShare).toBeLessThan(0.58);
});

// ---- membership ---------------------------------------------------------------------------

test("nodes is in insertion order, and re-adding an id keeps its place", () => {
  const ring = new HashRing();
  ring.addNode("c");
  ring.addNode("a");
  ring.addNode("b");
  ring.addNode("a", 3);
  expect(ring.nodes).toEqual(["c", "a", "b"]);
  ring.removeNode("c");
  expect(ring.nodes).toEqual(["a", "b"]);
});

test("re-adding an id replaces its weight", () => {
  const reAdded = new HashRing({ virtualNodes: 20, hash: quickHash });
  reAdded.addNode("a", 3);
  reAdded.addNode("b");
  reAdded.addNode("c");
  reAdded.addNode("a", 1);
  const fresh = new HashRing({ virtualNodes: 20, hash: quickHash });
  fresh.addNode("a");
  fresh.addNode("b");
  fresh.addNode("c");
  for (let i = 0; i < 2_000; i++) expect(reAdded.getNode(`k${i}`)).toBe(fresh.getNode(`k${i}`));
});

test("removing an unknown id changes nothing", () => {
  const ring = new HashRing();
  ring.addNode("a");
  ring.addNode("b");
  const before = Array.from({ length: 200 }, (_, i) => ring.getNode(`k${i}`));
  ring.removeNode("zzz");
  expect(ring.nodes).toEqual(["a", "b"]);
  expect(Array.from({ length: 200 }, (_, i) => ring.getNode(`k${i}`))).toEqual(before);
});

test("removing a node moves only its own keys", () => {
  const ring = new HashRing();
  for (let i = 0; i < 8; i++) ring.addNode(`node-${i}`);
  const before = new Map<string, string>();
  for (let i = 0; i < 5_000; i++) before.set(`key-${i}`, ring.getNode(`key-${i}`));
  ring.removeNode("node-3");
  for (const [key, owner] of before) {
    const now = ring.getNode(key);
    if (owner === "node-3") expect(now).not.toBe("node-3");
    else if (now !== owner) throw new Error(`${key} moved from ${owner} to ${now}, but only node-3 left`);
  }
});

test("adding then removing a node restores the original mapping", () => {
  const ring = new HashRing();
  for (let i = 0; i < 5; i++) ring.addNode(`node-${i}`);
  const before = Array.from({ length: 2_000 }, (_, i) => ring.getNode(`key-${i}`));
  ring.addNode("temporary");
  ring.removeNode("temporary");
  expect(Array.from({ length: 2_000 }, (_, i) => ring.getNode(`key-${i}`))).toEqual(before);
});

// ---- replica sets -------------------------------------------------------------------------

const replicaHash = readableHash({ "a#0": 100, "b#0": 200, "a#1": 250, "c#0": 300, "b#1": 400, "c#1": 500 });

test("getNodes walks clockwise from the key and skips nodes already chosen", () => {
  const ring = new HashRing({ virtualNodes: 2, hash: replicaHash });
  ring.addNode("a");
  ring.addNode("b");
  ring.addNode("c");
  expect(ring.getNodes("pos:150", 3)).toEqual(["b", "a", "c"]);
  expect(ring.getNodes("pos:260", 3)).toEqual(["c", "b", "a"]);
  expect(ring.getNodes("pos:450", 2)).toEqual(["c", "a"]);
});

test("getNodes wraps past the top", () => {
  const ring = new HashRing({ virtualNodes: 2, hash: replicaHash });
  ring.addNode("a");
  ring.addNode("b");
  ring.addNode("c");
  expect(ring.getNodes("pos:501", 3)).toEqual(["a", "b", "c"]);
  expect(ring.getNodes("pos:450", 3)).toEqual(["c", "a", "b"]);
});

test("getNodes returns at most the number of nodes, and [] for n <= 0", () => {
  const ring = new HashRing({ virtualNodes: 2, hash: replicaHash });
  ring.addNode("a");
  ring.addNode("b");
  ring.addNode("c");
  expect(ring.getNodes("pos:150", 10)).toEqual(["b", "a", "c"]);
  expect(ring.getNodes("pos:150", 0)).toEqual([]);
  expect(ring.getNodes("pos:150", -2)).toEqual([]);
});

test("getNodes starts with getNode's answer and lists distinct nodes", () => {
  const ring = new HashRing();
  for (let i = 0; i < 6; i++) ring.addNode(`replica-${i}`);
  const random = seededRandom(12);
  for (let i = 0; i < 500; i++) {
    const key = `doc-${i}`;
    const n = randomInt(random, 1, 8);
    const set = ring.getNodes(key, n);
    expect(set).toHaveLength(Math.min(n, 6));
    expect(set[0]).toBe(ring.getNode(key));
    expect(new Set(set).size).toBe(set.length);
  }
});

// ---- properties at scale ------------------------------------------------------------------

test("adding a node to N moves only keys that now map to it, about 1/(N+1) of 10,000", () => {
  for (const n of [1, 4, 9]) {
    const ring = new HashRing();
    for (let i = 0; i < n; i++) ring.addNode(`server-${i}`);
    const before: string[] = [];
    for (let k = 0; k < 10_000; k++) before.push(ring.getNode(`user:${k}`));
    ring.addNode("newcomer");
    let moved = 0;
    for (let k = 0; k < 10_000; k++) {
      const now = ring.getNode(`user:${k}`);
      if (now === before[k]) continue;
      if (now !== "newcomer") throw new Error(`user:${k} moved from ${before[k]} to ${now}, not to the new node (N = ${n})`);
      moved++;
    }
    const expected = 10_000 / (n + 1);
    expect(moved).toBeGreaterThan(expected * 0.7);
    expect(moved).toBeLessThan(expected * 1.3);
  }
});

test("with 160 virtual nodes, 10 nodes and 100,000 keys the largest node holds < 1.3x the mean", () => {
  const ring = new HashRing({ virtualNodes: 160 });
  for (let i = 0; i < 10; i++) ring.addNode(`10.0.0.${i + 1}:11211`);
  const counts = new Map<string, number>();
  for (let k = 0; k < 100_000; k++) {
    const owner = ring.getNode(`object-${k}`);
    counts.set(owner, (counts.get(owner) ?? 0) + 1);
  }
  expect(counts.size).toBe(10);
  const largest = Math.max(...counts.values());
  expect(largest / 10_000).toBeLessThan(1.3);
});

test("the same inputs give the same mapping, whatever order nodes were added in", () => {
  const ids = ["east-1", "east-2", "west-1", "west-2", "eu-1"];
  const forward = new HashRing();
  for (const id of ids) forward.addNode(id);
  const backward = new HashRing();
  for (const id of [...ids].reverse()) backward.addNode(id);
  const again = new HashRing();
  for (const id of ids) again.addNode(id);
  for (let k = 0; k < 3_000; k++) {
    const key = `cart:${k}`;
    const owner = forward.getNode(key);
    expect(backward.getNode(key)).toBe(owner);
    expect(again.getNode(key)).toBe(owner);
  }
});

test("lookups are O(log V): 200,000 lookups on a ring of 40,000 virtual nodes", () => {
  const ring = new HashRing({ virtualNodes: 2_000, hash: quickHash });
  const ids = Array.from({ length: 20 }, (_, i) => `shard-${i}`);
  for (const id of ids) ring.addNode(id);
  const counts = new Map<string, number>();
  for (let k = 0; k < 200_000; k++) {
    const owner = ring.getNode(`k${k}`);
    counts.set(owner, (counts.get(owner) ?? 0) + 1);
  }
  expect(counts.size).toBe(20);
  const expected = bruteForce(ids.map((id): [string, number] => [id, 1]), 2_000, quickHash);
  for (let k = 0; k < 200_000; k += 20_011) {
    const key = `k${k}`;
    expect(ring.getNode(key)).toBe(expected(key));
  }
});
