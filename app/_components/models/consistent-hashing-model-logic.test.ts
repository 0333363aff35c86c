import { describe, expect, test } from "vitest";
import { murmur3_32 } from "@/lib/judge/harness/support";
import {
  addNode,
  createRing,
  describeRing,
  KEYS,
  loads,
  MAX_NODES,
  moduloOwner,
  ownersOf,
  removeNode,
  ringOwner,
  ringPoints,
  setVirtualNodes,
} from "./consistent-hashing-model-logic";

describe("placement", () => {
  test("virtual node i of a node sits at murmur3(`${id}#${i}`), sorted", () => {
    const points = ringPoints(["A", "B"], 3);
    expect(points).toHaveLength(6);
    for (const point of points) expect(point.position).toBe(murmur3_32(`${point.owner}#${point.index}`));
    for (let i = 1; i < points.length; i++) expect(points[i]!.position).toBeGreaterThanOrEqual(points[i - 1]!.position);
  });

  test("a key goes to the first point at or after its hash, wrapping", () => {
    const points = ringPoints(["A", "B", "C"], 10);
    for (const key of KEYS) {
      const h = murmur3_32(key);
      const expected = (points.find((point) => point.position >= h) ?? points[0])!.owner;
      expect(ringOwner(points, key)).toBe(expected);
    }
    expect(ringOwner([], "k")).toBeNull();
  });

  test("modulo placement indexes the node list", () => {
    expect(moduloOwner(["A", "B", "C"], "user:1")).toBe(["A", "B", "C"][murmur3_32("user:1") % 3]);
    expect(moduloOwner([], "user:1")).toBeNull();
  });
});

describe("membership changes", () => {
  test("adding a node moves keys only onto it, and fewer than modulo would", () => {
    const before = createRing(10);
    const after = addNode(before);
    expect(after.nodes).toEqual(["A", "B", "C", "D"]);
    const oldOwners = ownersOf(before);
    const newOwners = ownersOf(after);
    for (const key of after.last!.movedOnRing) {
      expect(newOwners.get(key)).toBe("D");
      expect(oldOwners.get(key)).not.toBe("D");
    }
    expect(after.last!.movedOnRing.length).toBeLessThan(after.last!.movedWithModulo);
  });

  test("removing a node moves only its own keys", () => {
    const before = createRing(10, 4);
    const oldOwners = ownersOf(before);
    const after = removeNode(before, "B");
    expect(after.nodes).toEqual(["A", "C", "D"]);
    for (const key of after.last!.movedOnRing) expect(oldOwners.get(key)).toBe("B");
    expect(after.last!.movedOnRing.length).toBe(KEYS.filter((key) => oldOwners.get(key) === "B").length);
  });

  test("adding stops at the last name and removing keeps one node", () => {
    let state = createRing(1);
    for (let i = 0; i < 20; i++) state = addNode(state);
    expect(state.nodes).toHaveLength(MAX_NODES);
    state = createRing(1, 1);
    expect(removeNode(state, "A")).toBe(state);
    expect(removeNode(createRing(), "Z").nodes).toEqual(["A", "B", "C"]);
  });

  test("changing the virtual node count keeps the nodes and clears the last change", () => {
    const state = setVirtualNodes(addNode(createRing(3)), 40);
    expect(state.virtualNodes).toBe(40);
    expect(state.nodes).toEqual(["A", "B", "C", "D"]);
    expect(state.last).toBeNull();
    expect(setVirtualNodes(state, 7)).toBe(state);
  });
});

describe("loads and description", () => {
  test("every key is counted once and ring shares add up to 1", () => {
    const all = loads(createRing(10, 5));
    expect(all.reduce((sum, load) => sum + load.keys, 0)).toBe(KEYS.length);
    expect(all.reduce((sum, load) => sum + load.arc, 0)).toBeCloseTo(1, 9);
  });

  test("the description states nodes, the largest node and the moved counts", () => {
    const state = addNode(createRing(10));
    const text = describeRing(state);
    expect(text).toContain("4 nodes (A, B, C, D) with 10 virtual nodes each hold 48 keys.");
    expect(text).toContain(`On the ring ${state.last!.movedOnRing.length} of 48 keys moved`);
    expect(text).toContain(`with hash mod N, ${state.last!.movedWithModulo} would have moved`);
  });

  test("the same clicks give the same state", () => {
    const run = () => removeNode(addNode(addNode(createRing(3))), "A");
    expect(run()).toEqual(run());
  });
});
