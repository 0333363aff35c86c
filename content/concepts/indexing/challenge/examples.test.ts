import { expect, test } from "@blueprint/test";
import { BPlusTree } from "./solution";

test("insert and get, and inserting a key again replaces its value", () => {
  const tree = new BPlusTree<number, string>({ order: 4 });
  tree.insert(5, "five");
  tree.insert(1, "one");
  tree.insert(5, "FIVE");
  expect(tree.get(5)).toBe("FIVE");
  expect(tree.get(1)).toBe("one");
  expect(tree.get(2)).toBeUndefined();
  expect(tree.size).toBe(2);
});

test("a leaf holds at most order - 1 keys, so the order-th key splits it", () => {
  const tree = new BPlusTree<number, number>({ order: 4 });
  tree.insert(1, 1);
  expect(tree.height).toBe(1);
  tree.insert(2, 2);
  tree.insert(3, 3);
  tree.insert(4, 4); // 4 keys do not fit in one leaf of an order-4 tree
  expect(tree.height).toBe(2);
});

test("range is inclusive at both ends and ascending", () => {
  const tree = new BPlusTree<number, string>({ order: 3 });
  for (const n of [8, 3, 5, 1, 9, 4, 7]) tree.insert(n, `v${n}`);
  expect(tree.range(3, 7)).toEqual([
    [3, "v3"],
    [4, "v4"],
    [5, "v5"],
    [7, "v7"],
  ]);
  expect(tree.range(7, 3)).toEqual([]);
});

test("delete removes a key and reports whether it was there", () => {
  const tree = new BPlusTree<string, number>({ order: 3 });
  for (const [i, key] of ["m", "c", "x", "a"].entries()) tree.insert(key, i);
  expect(tree.delete("c")).toBe(true);
  expect(tree.delete("c")).toBe(false);
  expect(tree.get("c")).toBeUndefined();
  expect(tree.size).toBe(3);
  expect(tree.range("a", "z").map(([key]) => key)).toEqual(["a", "m", "x"]);
});
