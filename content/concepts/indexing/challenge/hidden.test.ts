import { expect, randomInt, seededRandom, test } from "@blueprint/test";
import { BPlusTree } from "./solution";

/** Smallest e >= 0 with base^e >= n: ceil(log_base(n)) without floating point. */
function ceilLog(base: number, n: number): number {
  let e = 0;
  for (let reach = 1; reach < n; reach *= base) e++;
  return e;
}

/** The height rule after inserts alone: height <= ceil(log_{ceil(order/2)}(size)) + 1. */
function maxHeight(order: number, size: number): number {
  return ceilLog(Math.ceil(order / 2), size) + 1;
}

/** Leaves of at most order - 1 keys under inner nodes of at most `order` children cannot be shorter. */
function minHeight(order: number, size: number): number {
  const leaves = Math.ceil(size / (order - 1));
  return ceilLog(order, leaves) + 1;
}

function checkHeight(tree: BPlusTree<number, number>, order: number, label: string): void {
  const size = tree.size;
  const height = tree.height;
  // expect only on a failure, so the message names the size where the bound broke.
  if (height > maxHeight(order, size)) expect([label, size, "height", height]).toEqual([label, size, "height <=", maxHeight(order, size)]);
  if (height < minHeight(order, size)) expect([label, size, "height", height]).toEqual([label, size, "height >=", minHeight(order, size)]);
}

function sameEntries(a: Array<[number, string]>, b: Array<[number, string]>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]![0] !== b[i]![0] || a[i]![1] !== b[i]![1]) return false;
  return true;
}

function shuffled(random: () => number, n: number): number[] {
  const keys = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randomInt(random, 0, i);
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  return keys;
}

/** A sorted map over small integer keys, the obvious way: a Map, scanned key by key for ranges. */
class ReferenceMap {
  readonly values = new Map<number, string>();

  get size(): number {
    return this.values.size;
  }

  insert(key: number, value: string): void {
    this.values.set(key, value);
  }

  delete(key: number): boolean {
    return this.values.delete(key);
  }

  range(lo: number, hi: number): Array<[number, string]> {
    const out: Array<[number, string]> = [];
    for (let key = lo; key <= hi; key++) {
      const value = this.values.get(key);
      if (value !== undefined) out.push([key, value]);
    }
    return out;
  }
}

// ---- against a reference --------------------------------------------------------

test("behaves like a sorted map over 20,000 random inserts, deletes, gets and ranges", () => {
  const random = seededRandom(20_000);
  const tree = new BPlusTree<number, string>({ order: 4 });
  const reference = new ReferenceMap();
  for (let op = 0; op < 20_000; op++) {
    const roll = random();
    const key = randomInt(random, 0, 3_000);
    if (roll < 0.45) {
      const value = `v${op}`;
      tree.insert(key, value);
      reference.insert(key, value);
    } else if (roll < 0.75) {
      const actual = tree.delete(key);
      const expected = reference.delete(key);
      if (actual !== expected) expect([op, "delete", key, actual]).toEqual([op, "delete", key, expected]);
    } else if (roll < 0.97) {
      const actual = tree.get(key);
      const expected = reference.values.get(key);
      if (actual !== expected) expect([op, "get", key, actual]).toEqual([op, "get", key, expected]);
    } else {
      const hi = key + randomInt(random, -5, 60);
      const actual = tree.range(key, hi);
      const expected = reference.range(key, hi);
      if (!sameEntries(actual, expected)) expect([op, "range", key, hi, actual]).toEqual([op, "range", key, hi, expected]);
    }
    if (tree.size !== reference.size) expect([op, "size", tree.size]).toEqual([op, "size", reference.size]);
  }
  expect(tree.range(-1, 3_001)).toEqual(reference.range(-1, 3_001));
});

test("behaves like a sorted map with order 3 and a small key space (many splits and deletes)", () => {
  const random = seededRandom(33);
  const tree = new BPlusTree<number, string>({ order: 3 });
  const reference = new ReferenceMap();
  for (let op = 0; op < 2_000; op++) {
    const key = randomInt(random, 0, 120);
    if (random() < 0.55) {
      tree.insert(key, `v${op}`);
      reference.insert(key, `v${op}`);
    } else {
      expect([op, "delete", key, tree.delete(key)]).toEqual([op, "delete", key, reference.delete(key)]);
    }
    if (op % 50 === 0) expect([op, tree.range(0, 120)]).toEqual([op, reference.range(0, 120)]);
  }
  expect(tree.size).toBe(reference.size);
});

// ---- basics ---------------------------------------------------------------------

test("an empty tree has no keys", () => {
  const tree = new BPlusTree<string, string>({ order: 4 });
  expect(tree.size).toBe(0);
  expect(tree.get("hidden-canary:indexing")).toBeUndefined();
  expect(tree.delete("a")).toBe(false);
  expect(tree.range("a", "z")).toEqual([]);
});

test("a lone leaf has height 1", () => {
  const tree = new BPlusTree<number, number>({ order: 3 });
  tree.insert(10, 1);
  expect(tree.height).toBe(1);
  tree.insert(20, 2);
  tree.insert(30, 3); // three keys cannot share one order-3 leaf
  expect(tree.height).toBe(2);
});

test("inserting an existing key replaces its value and keeps the size", () => {
  const tree = new BPlusTree<number, string>({ order: 3 });
  for (let i = 0; i < 50; i++) tree.insert(i, `a${i}`);
  for (let i = 0; i < 50; i += 3) tree.insert(i, `b${i}`);
  expect(tree.size).toBe(50);
  expect(tree.get(0)).toBe("b0");
  expect(tree.get(1)).toBe("a1");
  expect(tree.get(48)).toBe("b48");
  expect(tree.range(0, 3)).toEqual([
    [0, "b0"],
    [1, "a1"],
    [2, "a2"],
    [3, "b3"],
  ]);
});

test("every key inserted can be found, including the ones that became separators", () => {
  for (const order of [3, 4, 5, 6]) {
    const tree = new BPlusTree<number, number>({ order });
    for (let i = 0; i < 300; i++) tree.insert(i, i * 10);
    for (let i = 0; i < 300; i++) expect([order, i, tree.get(i)]).toEqual([order, i, i * 10]);
    expect(tree.get(300)).toBeUndefined();
    expect(tree.get(-1)).toBeUndefined();
  }
});

test("delete reports false for a missing key and leaves the size alone", () => {
  const tree = new BPlusTree<number, number>({ order: 4 });
  for (let i = 0; i < 20; i += 2) tree.insert(i, i);
  expect(tree.delete(5)).toBe(false);
  expect(tree.delete(100)).toBe(false);
  expect(tree.size).toBe(10);
  expect(tree.delete(4)).toBe(true);
  expect(tree.delete(4)).toBe(false);
  expect(tree.size).toBe(9);
});

test("deleting every key and inserting again works", () => {
  const tree = new BPlusTree<number, number>({ order: 3 });
  for (let i = 0; i < 100; i++) tree.insert(i, i);
  for (let i = 0; i < 100; i++) expect(tree.delete(i)).toBe(true);
  expect(tree.size).toBe(0);
  expect(tree.range(0, 100)).toEqual([]);
  expect(tree.get(50)).toBeUndefined();
  for (let i = 99; i >= 0; i -= 2) tree.insert(i, -i);
  expect(tree.size).toBe(50);
  expect(tree.get(51)).toBe(-51);
  expect(tree.get(50)).toBeUndefined();
  expect(tree.range(0, 6)).toEqual([
    [1, -1],
    [3, -3],
    [5, -5],
  ]);
});

// ---- range scans ----------------------------------------------------------------

test("range includes both ends and a single key when lo equals hi", () => {
  const tree = new BPlusTree<number, string>({ order: 4 });
  for (let i = 0; i < 40; i++) tree.insert(i, `v${i}`);
  expect(tree.range(10, 12)).toEqual([
    [10, "v10"],
    [11, "v11"],
    [12, "v12"],
  ]);
  expect(tree.range(7, 7)).toEqual([[7, "v7"]]);
  expect(tree.range(39, 39)).toEqual([[39, "v39"]]);
});

test("range with lo above hi is empty", () => {
  const tree = new BPlusTree<number, number>({ order: 4 });
  for (let i = 0; i < 40; i++) tree.insert(i, i);
  expect(tree.range(20, 10)).toEqual([]);
  expect(tree.range(1, 0)).toEqual([]);
});

test("range bounds need not be keys in the tree", () => {
  const tree = new BPlusTree<number, number>({ order: 3 });
  for (let i = 0; i < 60; i += 5) tree.insert(i, i);
  expect(tree.range(-100, 12).map(([key]) => key)).toEqual([0, 5, 10]);
  expect(tree.range(41, 1_000).map(([key]) => key)).toEqual([45, 50, 55]);
  expect(tree.range(21, 24)).toEqual([]);
});

test("a range scan crosses many leaves in order", () => {
  const random = seededRandom(88);
  const tree = new BPlusTree<number, number>({ order: 3 });
  for (const key of shuffled(random, 500)) tree.insert(key, key * 2);
  const all = tree.range(0, 499);
  expect(all).toHaveLength(500);
  for (let i = 0; i < 500; i++) expect(all[i]).toEqual([i, i * 2]);
  expect(tree.range(123, 377)).toHaveLength(255);
});

test("a range scan skips keys deleted from the middle of the tree", () => {
  const tree = new BPlusTree<number, number>({ order: 3 });
  for (let i = 0; i < 100; i++) tree.insert(i, i);
  for (let i = 20; i < 80; i++) tree.delete(i);
  expect(tree.range(15, 85).map(([key]) => key)).toEqual([15, 16, 17, 18, 19, 80, 81, 82, 83, 84, 85]);
});

// ---- ordering -------------------------------------------------------------------

test("the default order compares numbers as numbers", () => {
  const tree = new BPlusTree<number, string>({ order: 3 });
  for (const n of [10, 9, 100, 2, 1_000, 33]) tree.insert(n, String(n));
  expect(tree.range(0, 2_000).map(([key]) => key)).toEqual([2, 9, 10, 33, 100, 1_000]);
  expect(tree.range(5, 50).map(([key]) => key)).toEqual([9, 10, 33]);
});

test("the default order compares strings as JS strings", () => {
  const tree = new BPlusTree<string, number>({ order: 3 });
  for (const s of ["b", "B", "a", "10", "9", "é", "aa", ""]) tree.insert(s, 0);
  expect(tree.range("", "\u{FFFF}").map(([key]) => key)).toEqual(["", "10", "9", "B", "a", "aa", "b", "é"]);
});

test("a custom compare defines the order, here descending", () => {
  const tree = new BPlusTree<number, number>({ order: 4, compare: (a, b) => b - a });
  for (let i = 0; i < 30; i++) tree.insert(i, i);
  expect(tree.range(20, 15).map(([key]) => key)).toEqual([20, 19, 18, 17, 16, 15]);
  expect(tree.range(15, 20)).toEqual([]);
  expect(tree.get(7)).toBe(7);
});

test("a custom compare can order composite keys (last name, then first name)", () => {
  type Name = { last: string; first: string };
  const compare = (a: Name, b: Name) =>
    a.last < b.last ? -1 : a.last > b.last ? 1 : a.first < b.first ? -1 : a.first > b.first ? 1 : 0;
  const tree = new BPlusTree<Name, number>({ order: 3, compare });
  const people: Array<[string, string]> = [
    ["Lovelace", "Ada"],
    ["Hopper", "Grace"],
    ["Hopper", "Alan"],
    ["Knuth", "Donald"],
    ["Hamilton", "Margaret"],
  ];
  people.forEach(([last, first], i) => tree.insert({ last, first }, i));
  // A lookup with an equal, not identical, key object finds the entry.
  expect(tree.get({ last: "Hopper", first: "Grace" })).toBe(1);
  const hoppers = tree.range({ last: "Hopper", first: "" }, { last: "Hopper", first: "\u{FFFF}" });
  expect(hoppers.map(([name]) => name.first)).toEqual(["Alan", "Grace"]);
  // Keys past either end are simply absent: compare only ever sees real keys.
  expect(tree.get({ last: "Zuse", first: "Konrad" })).toBeUndefined();
  expect(tree.get({ last: "Babbage", first: "Charles" })).toBeUndefined();
  expect(tree.delete({ last: "Zuse", first: "Konrad" })).toBe(false);
  expect(tree.size).toBe(5);
});

// ---- height ---------------------------------------------------------------------

test("height stays within the bounds while keys arrive in ascending order", () => {
  for (const order of [3, 4, 5, 8]) {
    const tree = new BPlusTree<number, number>({ order });
    for (let i = 0; i < 800; i++) {
      tree.insert(i, i);
      checkHeight(tree, order, `order ${order} ascending`);
    }
  }
});

test("height stays within the bounds while keys arrive in descending order", () => {
  for (const order of [3, 4, 7]) {
    const tree = new BPlusTree<number, number>({ order });
    for (let i = 800; i > 0; i--) {
      tree.insert(i, i);
      checkHeight(tree, order, `order ${order} descending`);
    }
  }
});

test("height stays within the bounds while keys arrive in random order", () => {
  const random = seededRandom(1234);
  for (const order of [3, 4, 5, 6, 10]) {
    const tree = new BPlusTree<number, number>({ order });
    for (const key of shuffled(random, 1_000)) {
      tree.insert(key, key);
      checkHeight(tree, order, `order ${order} random`);
    }
  }
});

test("a wide tree stays shallow: order 128, 3,000 keys, height within the bounds", () => {
  const random = seededRandom(128);
  const tree = new BPlusTree<number, number>({ order: 128 });
  for (const key of shuffled(random, 3_000)) tree.insert(key, key);
  expect(tree.size).toBe(3_000);
  expect(tree.height).toBeLessThanOrEqual(maxHeight(128, 3_000));
  expect(tree.height).toBeGreaterThanOrEqual(minHeight(128, 3_000));
});
