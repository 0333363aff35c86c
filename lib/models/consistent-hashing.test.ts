import { describe, expect, test } from "vitest";
import { murmur3_32 } from "@/lib/hash/hashes";
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
} from "./consistent-hashing";

describe("placement", () => {
  test("virtual node i of a node sits at murmur3(`${id}#${i}`), sorted", () => {
    const points = ringPoints(["A", "B"], 3);
    expect(points).toHaveLength(6);
    for (const point of points) expect(point.position).toBe(murmur3_32(`${point.owner}#${point.index}`));
    for (let i = 1; i < points.length; i++) expect(points[i]!.position).toBeGreaterThanOrEqual(points[i - 1]!.position);
  });

  test("a key goes to the first point at or after its hash, wrapping", () => {
    const points = ringPoints(["A", "B", "C"], 10);
    expect(KEYS.length).toBe(48);
    // A key hashing past the last point wraps to the first: the case a naive search gets wrong.
    const hash = murmur3_32("user:1");
    const lowPoints = [
      { position: 0, owner: "first", index: 0 },
      { position: hash - 1, owner: "last", index: 0 },
    ];
    expect(ringOwner(lowPoints, "user:1")).toBe("first");
    expect(ringOwner([...lowPoints, { position: hash, owner: "exact", index: 0 }], "user:1")).toBe("exact");
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
    const moved = after.last!.movedOnRing;
    // Exactly the keys whose owner changed, every one of them now on D, and at least one.
    expect(moved).toEqual(KEYS.filter((key) => oldOwners.get(key) !== newOwners.get(key)));
    expect(moved.length).toBeGreaterThan(0);
    for (const key of moved) {
      expect(newOwners.get(key)).toBe("D");
      expect(oldOwners.get(key)).not.toBe("D");
    }
    expect(KEYS.filter((key) => newOwners.get(key) === "D")).toEqual(moved);
    expect(moved.length).toBeLessThan(after.last!.movedWithModulo);
  });

  test("removing a node moves only its own keys", () => {
    const before = createRing(10, 4);
    const oldOwners = ownersOf(before);
    const after = removeNode(before, "B");
    expect(after.nodes).toEqual(["A", "C", "D"]);
    const ownedByB = KEYS.filter((key) => oldOwners.get(key) === "B");
    expect(ownedByB.length).toBeGreaterThan(0);
    expect(after.last!.movedOnRing).toEqual(ownedByB);
    const newOwners = ownersOf(after);
    for (const key of KEYS) {
      if (oldOwners.get(key) === "B") expect(["A", "C", "D"]).toContain(newOwners.get(key));
      else expect(newOwners.get(key)).toBe(oldOwners.get(key));
    }
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
