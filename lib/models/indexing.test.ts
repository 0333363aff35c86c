import { describe, expect, test } from "vitest";
import {
  build,
  describe as describeTree,
  emptyTree,
  has,
  height,
  insert,
  keyStream,
  keysOf,
  leaves,
  levels,
  rangeScan,
  remove,
  scaleUp,
  search,
  describeScale,
  type TreeNode,
} from "./indexing";

function checkShape(node: TreeNode, order: number): number {
  if (node.kind === "leaf") {
    expect(node.keys.length).toBeLessThanOrEqual(order - 1);
    return 1;
  }
  expect(node.children.length).toBeLessThanOrEqual(order);
  expect(node.keys.length).toBe(node.children.length - 1);
  const depths = node.children.map((child) => checkShape(child, order));
  expect(new Set(depths).size).toBe(1);
  return (depths[0] ?? 0) + 1;
}

describe("B+ tree", () => {
  test("keeps keys sorted and unique, with every leaf at the same depth", () => {
    const next = keyStream(7);
    for (const order of [3, 4, 5, 6]) {
      const keys = Array.from({ length: 60 }, () => next());
      const tree = build(order, keys);
      expect(keysOf(tree)).toEqual([...new Set(keys)].sort((a, b) => a - b));
      expect(tree.size).toBe(new Set(keys).size);
      expect(checkShape(tree.root, order)).toBe(height(tree));
    }
  });

  test("a leaf of an order-4 tree splits at its fourth key", () => {
    let tree = build(4, [10, 20, 30]);
    expect(height(tree)).toBe(1);
    const { tree: after, trace } = insert(tree, 40);
    tree = after;
    expect(height(tree)).toBe(2);
    expect(trace.splits).toBe(1);
    expect(levels(tree)[0]?.[0]?.keys).toEqual([30]);
  });

  test("inserting a key twice changes nothing", () => {
    const tree = build(3, [5, 1, 9]);
    const { tree: again, trace } = insert(tree, 5);
    expect(keysOf(again)).toEqual([1, 5, 9]);
    expect(trace.found).toEqual([]);
  });

  test("search reads one page per level and finds separator keys", () => {
    const tree = build(3, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const key of [1, 3, 5, 7, 9]) {
      const trace = search(tree, key);
      expect(trace.path).toHaveLength(height(tree));
      expect(trace.found).toEqual([key]);
    }
    expect(search(tree, 10).found).toEqual([]);
  });

  test("a range scan descends once and walks consecutive leaves", () => {
    const tree = build(3, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const trace = rangeScan(tree, 3, 8);
    expect(trace.found).toEqual([3, 4, 5, 6, 7, 8]);
    expect(trace.path).toHaveLength(height(tree));
    const ids = leaves(tree).map((leaf) => leaf.id);
    const start = ids.indexOf(trace.walked[0]!);
    expect(trace.walked).toEqual(ids.slice(start, start + trace.walked.length));
    expect(rangeScan(tree, 8, 3).found).toEqual([]);
  });

  test("delete removes a key and leaves the shape alone", () => {
    const tree = build(4, [1, 2, 3, 4, 5, 6, 7, 8]);
    const { tree: after, trace } = remove(tree, 4);
    expect(trace.found).toEqual([4]);
    expect(has(after, 4)).toBe(false);
    expect(after.size).toBe(7);
    expect(height(after)).toBe(height(tree));
    expect(remove(after, 4).trace.found).toEqual([]);
  });

  test("actions do not change the tree they were given", () => {
    const tree = build(3, [1, 2, 3]);
    const before = JSON.stringify(tree);
    insert(tree, 4);
    remove(tree, 2);
    expect(JSON.stringify(tree)).toBe(before);
  });

  test("the key stream is deterministic and in range", () => {
    const a = keyStream(42);
    const b = keyStream(42);
    for (let i = 0; i < 100; i++) {
      const key = a();
      expect(key).toBe(b());
      expect(key).toBeGreaterThanOrEqual(1);
      expect(key).toBeLessThanOrEqual(99);
    }
  });

  test("describes height and page reads", () => {
    expect(describeTree(emptyTree(4), null)).toContain("height 1");
    const tree = build(3, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(describeTree(tree, rangeScan(tree, 2, 4))).toContain("returned 3 keys: 2, 3, 4");
  });
});

describe("scale estimate", () => {
  test("100 million rows at 400 entries per page make a tree of height 4", () => {
    const estimate = scaleUp(100_000_000, 400);
    expect(estimate.levelPages).toEqual([250_000, 625, 2, 1]);
    expect(estimate.height).toBe(4);
    expect(estimate.upperPages).toBe(628);
    expect(estimate.lookupPages).toBe(5);
    expect(estimate.tablePages).toBe(2_441_407);
  });

  test("a table that fits in one leaf has height 1 and nothing above it", () => {
    const estimate = scaleUp(40, 50);
    expect(estimate.levelPages).toEqual([1]);
    expect(estimate.upperPages).toBe(0);
    expect(describeScale(estimate)).toContain("no level above the leaves");
  });

  test("the scan-to-lookup ratio grows with the table", () => {
    const small = scaleUp(1_000_000, 200);
    const large = scaleUp(1_000_000_000, 200);
    expect(large.tablePages / large.lookupPages).toBeGreaterThan(500 * (small.tablePages / small.lookupPages));
    expect(describeScale(large)).toContain("height 4");
  });
});
