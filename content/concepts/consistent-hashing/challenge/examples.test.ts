import { expect, test } from "@blueprint/test";
import { HashRing } from "./solution";

// A hash you can read: "pos:N" hashes to N, and virtual nodes get the positions listed here.
const positions: Record<string, number> = { "a#0": 100, "b#0": 200, "c#0": 300 };
const readable = (s: string) => positions[s] ?? Number(s.slice(4));

test("a key belongs to the first virtual node at or after its hash, wrapping past the top", () => {
  const ring = new HashRing({ virtualNodes: 1, hash: readable });
  ring.addNode("a");
  ring.addNode("b");
  ring.addNode("c");
  expect(ring.getNode("pos:50")).toBe("a");
  expect(ring.getNode("pos:100")).toBe("a"); // at counts
  expect(ring.getNode("pos:101")).toBe("b");
  expect(ring.getNode("pos:300")).toBe("c");
  expect(ring.getNode("pos:301")).toBe("a"); // wraps
});

test("getNode on an empty ring throws", () => {
  const ring = new HashRing();
  expect(() => ring.getNode("anything")).toThrow(Error);
});

test("getNodes walks clockwise and returns distinct physical nodes", () => {
  const ring = new HashRing({ virtualNodes: 1, hash: readable });
  ring.addNode("a");
  ring.addNode("b");
  ring.addNode("c");
  expect(ring.getNodes("pos:150", 2)).toEqual(["b", "c"]);
  expect(ring.getNodes("pos:250", 5)).toEqual(["c", "a", "b"]);
  expect(ring.getNodes("pos:250", 0)).toEqual([]);
});

test("adding a node moves keys only onto the new node", () => {
  const ring = new HashRing();
  for (let i = 0; i < 4; i++) ring.addNode(`cache-${i}`);
  const before = new Map<string, string>();
  for (let i = 0; i < 2_000; i++) before.set(`user:${i}`, ring.getNode(`user:${i}`));
  ring.addNode("cache-4");
  let moved = 0;
  for (const [key, owner] of before) {
    const now = ring.getNode(key);
    if (now !== owner) {
      moved++;
      expect(now).toBe("cache-4");
    }
  }
  expect(moved).toBeGreaterThan(0);
  expect(moved).toBeLessThan(2_000 / 2);
});

test("nodes lists ids in insertion order", () => {
  const ring = new HashRing();
  ring.addNode("b");
  ring.addNode("a");
  ring.addNode("c");
  ring.removeNode("a");
  expect(ring.nodes).toEqual(["b", "c"]);
});
