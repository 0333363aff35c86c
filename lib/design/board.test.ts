import { describe, expect, test } from "vitest";
import { MAX_EDGES, MAX_NODES, parseBoard, parseBoardJson } from "./board";
import { designWorkloadSchema } from "./workload";

const valid = () => ({
  version: 1,
  nodes: [
    { id: "users", kind: "client", label: "Users", x: 0, y: 0 },
    { id: "lb", kind: "load-balancer", instances: 2, size: "l", x: 200, y: 0 },
    { id: "db", kind: "database", instances: 2, replicas: 1, x: 400, y: 0 },
    { id: "cache", kind: "cache", replicas: 1, hitRatio: 0.5, x: 400, y: 100 },
  ],
  edges: [
    { from: "users", to: "lb" },
    { from: "lb", to: "db", carries: "write" },
  ],
  notes: [{ id: "n1", text: "shard by key", x: 0, y: 300 }],
});

function errorOf(input: unknown): string {
  const result = parseBoard(input);
  if (result.ok) throw new Error("expected the board to be rejected");
  return result.error;
}

describe("parseBoard", () => {
  test("accepts a valid board and keeps it as drawn (defaults are the model's, not written in)", () => {
    const result = parseBoard(valid());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.board).toEqual(valid());
  });

  test("an unknown kind names the node and the field", () => {
    const board = valid();
    (board.nodes[1] as { kind: string }).kind = "router";
    expect(errorOf(board)).toMatch(/node 2 \("lb"\), field kind: unknown kind/);
  });

  test("a field that does not apply to the kind is rejected, naming it", () => {
    const board = valid();
    Object.assign(board.nodes[1]!, { replicas: 1 });
    expect(errorOf(board)).toMatch(/node 2 \("lb"\), field replicas: does not apply to a load balancer/);
    const client = valid();
    Object.assign(client.nodes[0]!, { instances: 2 });
    expect(errorOf(client)).toMatch(/node 1 \("users"\), field instances: does not apply to a client/);
    const cdnSize = valid();
    cdnSize.nodes.push({ id: "edge", kind: "cdn", size: "l", x: 0, y: 0 } as never);
    expect(errorOf(cdnSize)).toMatch(/"edge"\), field size: does not apply to a CDN/);
    const dbHit = valid();
    Object.assign(dbHit.nodes[2]!, { hitRatio: 0.5 });
    expect(errorOf(dbHit)).toMatch(/"db"\), field hitRatio: does not apply to a database/);
  });

  test("an unknown field anywhere is rejected: board, node, edge, note", () => {
    expect(errorOf({ ...valid(), theme: "dark" })).toMatch(/board: unknown field "theme"/);
    const node = valid();
    Object.assign(node.nodes[0]!, { color: "red" });
    expect(errorOf(node)).toMatch(/node 1 \("users"\): unknown field "color"/);
    const edge = valid();
    Object.assign(edge.edges[0]!, { weight: 2 });
    expect(errorOf(edge)).toMatch(/edge 1 \("users" -> "lb"\): unknown field "weight"/);
    const note = valid();
    Object.assign(note.notes[0]!, { color: "yellow" });
    expect(errorOf(note)).toMatch(/note 1 \("n1"\): unknown field "color"/);
  });

  test("a bad id is rejected", () => {
    for (const id of ["API", "-api", "", "a".repeat(41), "a b"]) {
      const board = valid();
      board.nodes[1]!.id = id;
      board.edges[0]!.to = id;
      expect(errorOf(board), id).toMatch(/field id: must match/);
    }
    const longest = valid();
    longest.nodes[1]!.id = "a".repeat(40);
    longest.edges = [];
    expect(parseBoard(longest).ok).toBe(true);
  });

  test("an edge to a missing node, a duplicate id and a duplicate ordered pair are rejected", () => {
    const dangling = valid();
    dangling.edges.push({ from: "lb", to: "nowhere" });
    expect(errorOf(dangling)).toMatch(/edge 3 \("lb" -> "nowhere"\), field to: no node has id "nowhere"/);
    const duplicate = valid();
    duplicate.nodes.push({ id: "db", kind: "database", x: 0, y: 0 } as never);
    expect(errorOf(duplicate)).toMatch(/node 5 \("db"\), field id: duplicate id "db"/);
    const pair = valid();
    pair.edges.push({ from: "users", to: "lb", carries: "read" });
    expect(errorOf(pair)).toMatch(/edge 3 \("users" -> "lb"\): a second edge from "users" to "lb"/);
    // The reverse direction is another ordered pair: allowed.
    const reverse = valid();
    reverse.edges.push({ from: "lb", to: "users" });
    expect(parseBoard(reverse).ok).toBe(true);
  });

  test("values out of range are rejected", () => {
    const cases: Array<[Record<string, unknown>, number, RegExp]> = [
      [{ instances: 0 }, 1, /field instances: must be at least 1/],
      [{ instances: 1.5 }, 1, /field instances: must be an integer/],
      [{ replicas: -1 }, 2, /field replicas: must be at least 0/],
      [{ hitRatio: 1.01 }, 3, /field hitRatio: must be between 0 and 1/],
      [{ hitRatio: -0.1 }, 3, /field hitRatio: must be between 0 and 1/],
      [{ size: "xl" }, 1, /field size: must be "s", "m" or "l"/],
      [{ x: "10" }, 1, /field x: must be a number/],
      [{ label: "x".repeat(81) }, 1, /field label: at most 80 characters/],
    ];
    for (const [patch, index, expected] of cases) {
      const board = valid();
      Object.assign(board.nodes[index]!, patch);
      expect(errorOf(board), JSON.stringify(patch)).toMatch(expected);
    }
    const carries = valid();
    (carries.edges[0] as { carries?: string }).carries = "all";
    expect(errorOf(carries)).toMatch(/edge 1 \("users" -> "lb"\), field carries/);
    expect(errorOf({ ...valid(), version: 2 })).toMatch(/field version: must be 1/);
    const note = valid();
    note.notes[0]!.text = "x".repeat(2001);
    expect(errorOf(note)).toMatch(/note 1 \("n1"\), field text: at most 2000 characters/);
  });

  test("over 200 nodes, 400 edges or 100 notes is rejected; exactly at the limit is fine", () => {
    const nodes = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `n${index}`, kind: "service", x: index, y: 0 }));
    expect(parseBoard({ version: 1, nodes: nodes(MAX_NODES), edges: [] }).ok).toBe(true);
    expect(errorOf({ version: 1, nodes: nodes(MAX_NODES + 1), edges: [] })).toMatch(/field nodes: at most 200 nodes/);
    const edges = (count: number) => Array.from({ length: count }, (_, index) => ({ from: `n${index % 200}`, to: `n${(index + 1 + Math.floor(index / 200)) % 200}` }));
    expect(parseBoard({ version: 1, nodes: nodes(200), edges: edges(MAX_EDGES) }).ok).toBe(true);
    expect(errorOf({ version: 1, nodes: nodes(200), edges: edges(MAX_EDGES + 1) })).toMatch(/field edges: at most 400 edges/);
    const notes = Array.from({ length: 101 }, (_, index) => ({ id: `n${index}`, text: "", x: 0, y: 0 }));
    expect(errorOf({ version: 1, nodes: [], edges: [], notes })).toMatch(/field notes: at most 100 notes/);
  });

  test("not an object, or not JSON, is an error with a message", () => {
    expect(errorOf(null)).toMatch(/^Invalid board: /);
    expect(errorOf([])).toMatch(/^Invalid board: /);
    const text = parseBoardJson("{nodes:");
    expect(text.ok).toBe(false);
    if (!text.ok) expect(text.error).toMatch(/not JSON/);
    expect(parseBoardJson(JSON.stringify(valid())).ok).toBe(true);
  });

  test("several problems are all counted in the message", () => {
    const board = valid();
    Object.assign(board.nodes[0]!, { a: 1 });
    Object.assign(board.nodes[1]!, { b: 1 });
    Object.assign(board.nodes[2]!, { c: 1 });
    Object.assign(board.nodes[3]!, { d: 1 });
    expect(errorOf(board)).toMatch(/\(and 1 more problem\)$/);
  });
});

describe("designWorkloadSchema", () => {
  const workload = { streams: [{ name: "reads", type: "read", rps: 10, p99Ms: 100 }], dataGb: 0, async: ["reads"] };
  test("accepts a workload and rejects unknown fields, duplicate streams and unknown async names", () => {
    expect(designWorkloadSchema.safeParse(workload).success).toBe(true);
    expect(designWorkloadSchema.safeParse({ ...workload, extra: 1 }).success).toBe(false);
    expect(designWorkloadSchema.safeParse({ ...workload, maxHitRatio: { database: 0.5 } }).success).toBe(false);
    expect(designWorkloadSchema.safeParse({ ...workload, streams: [...workload.streams, ...workload.streams] }).success).toBe(false);
    const unknownAsync = designWorkloadSchema.safeParse({ ...workload, async: ["writes"] });
    expect(unknownAsync.success).toBe(false);
    expect(unknownAsync.error?.issues[0]?.message).toMatch(/"writes" is not one of the streams/);
  });
});
