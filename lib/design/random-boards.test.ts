// Random valid boards (seeded, so a failure reproduces): the check never throws, always
// gives the eight checks in order, numbers JSON can carry, and the same verdict twice.
import { expect, test } from "vitest";
import { seededRandom } from "../random/seeded-random";
import { parseBoard } from "./board";
import { CHECK_IDS, KINDS, type Kind } from "./catalog";
import { checkDesign, failoverScenario } from "./check";
import { makeWorkload } from "./test-support";

function randomBoard(random: () => number) {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const count = 2 + Math.floor(random() * 25);
  const nodes = Array.from({ length: count }, (_, index) => {
    const kind: Kind = index === 0 ? "client" : pick(KINDS);
    const node: Record<string, unknown> = { id: `n${index}`, kind, x: index * 10, y: 0 };
    if (!["client", "dns", "cdn", "external"].includes(kind)) {
      node.instances = 1 + Math.floor(random() * 6);
      if (random() < 0.3) node.size = pick(["s", "m", "l"]);
    }
    if (kind === "database" || kind === "cache") node.replicas = Math.floor(random() * 3);
    if (kind === "cache" || kind === "cdn") node.hitRatio = Math.round(random() * 100) / 100;
    return node;
  });
  const pairs = new Set<string>();
  const edges: Record<string, unknown>[] = [];
  for (let index = 0; index < count * 2; index += 1) {
    const from = Math.floor(random() * count);
    const to = Math.floor(random() * count);
    if (pairs.has(`${from}>${to}`)) continue;
    pairs.add(`${from}>${to}`);
    const edge: Record<string, unknown> = { from: `n${from}`, to: `n${to}` };
    if (random() < 0.4) edge.carries = pick(["read", "write", "both"]);
    edges.push(edge);
  }
  return { version: 1, nodes, edges };
}

test("200 random boards: no throw, every check in order, finite or null numbers, deterministic", () => {
  const random = seededRandom(20261201);
  const workload = makeWorkload(
    [["reads", "read", 3000, 200], ["writes", "write", 400, 500]],
    { dataGb: 500, maxHitRatio: { cache: 0.9, cdn: 0.5 }, async: ["writes"] },
  );
  for (let round = 0; round < 200; round += 1) {
    const parsed = parseBoard(randomBoard(random));
    if (!parsed.ok) throw new Error(`round ${round}: ${parsed.error}`);
    const verdict = checkDesign(parsed.board, workload, "random");
    expect(verdict.checks.map((check) => check.id)).toEqual([...CHECK_IDS]);
    expect(verdict.verdict).toBe(verdict.checks.every((check) => check.status === "passed") ? "passed" : "failed");
    for (const node of verdict.nodes) {
      for (const value of [node.reads, node.writes, node.rho, node.p99Ms ?? 0]) expect(Number.isFinite(value), `round ${round} ${node.id}`).toBe(true);
    }
    for (const check of verdict.checks.filter((entry) => entry.status === "failed")) expect(check.message, `round ${round} ${check.id}`).toMatch(/\S/);
    const text = JSON.stringify(verdict);
    expect(JSON.stringify(checkDesign(structuredClone(parsed.board), workload, "random"))).toBe(text);
    for (const node of parsed.board.nodes) {
      const drill = failoverScenario(parsed.board, workload, node.id);
      if (!drill) continue;
      expect(JSON.parse(JSON.stringify(drill))).toEqual(drill);
      for (const over of drill.overCapacity) expect(over.rho ?? Infinity, `round ${round} drill ${node.id}`).toBeGreaterThanOrEqual(1 - 1e-9);
    }
  }
});
