// The design check against figures computed by hand (the arithmetic is in the comments)
// and the contract's worked example (fixtures/worked-example.json, copied from the contract).
import { describe, expect, test } from "vitest";
import { parseBoard } from "./board";
import { checkDesign, failedChecks, failoverScenario, type DesignVerdict } from "./check";
import example from "./fixtures/worked-example.json";
import { generatedBoard, generatedWorkload, manyPathsBoard, manyPathsWorkload } from "./generated-board";
import { makeBoard, makeWorkload, type NodeSpec } from "./test-support";
import { designWorkloadSchema } from "./workload";

const node = (verdict: DesignVerdict, id: string) => {
  const found = verdict.nodes.find((entry) => entry.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
};
const stream = (verdict: DesignVerdict, name: string) => {
  const found = verdict.streams.find((entry) => entry.name === name);
  if (!found) throw new Error(`no stream ${name}`);
  return found;
};
const check = (verdict: DesignVerdict, id: string) => {
  const found = verdict.checks.find((entry) => entry.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
};

/** The worked example's healthy board: users -> lb (2) -> api (4) -> cache (h 0.8, r 1) and db (r 1). */
const healthyNodes = (): Record<string, NodeSpec> => ({
  users: { kind: "client", label: "Users" },
  lb: { kind: "load-balancer", label: "Load balancer", instances: 2 },
  api: { kind: "service", label: "API", instances: 4 },
  cache: { kind: "cache", label: "Cache", instances: 1, replicas: 1, hitRatio: 0.8 },
  db: { kind: "database", label: "Database", instances: 1, replicas: 1 },
});
const healthyEdges = ["users>lb", "lb>api", "api>cache", "api>db"];
const exampleWorkload = () => makeWorkload([["reads", "read", 2000, 100], ["writes", "write", 100, 200]], { dataGb: 1000, maxHitRatio: { cache: 0.8 } });

describe("the contract's worked example", () => {
  const workload = designWorkloadSchema.parse(example.workload);
  for (const [index, item] of example.examples.entries()) {
    test(`board ${index + 1} gives the contract's figures and verdict`, () => {
      const parsed = parseBoard(item.board);
      if (!parsed.ok) throw new Error(parsed.error);
      const verdict = checkDesign(parsed.board, workload, "worked-example");
      expect(verdict.verdict).toBe(item.expect.verdict);
      expect(failedChecks(verdict)).toEqual(item.expect.failed);
      for (const [id, expected] of Object.entries(item.expect.nodes)) {
        const actual = node(verdict, id);
        expect(actual.reads, `${id} reads`).toBeCloseTo(expected.reads, 6);
        expect(actual.writes, `${id} writes`).toBeCloseTo(expected.writes, 6);
        expect(actual.rho, `${id} rho`).toBeCloseTo(expected.rho, 3);
        expect(actual.p99Ms ?? NaN, `${id} p99`).toBeCloseTo(expected.p99Ms, 3);
      }
      for (const [name, p99] of Object.entries(item.expect.streams)) expect(stream(verdict, name).p99Ms ?? NaN, name).toBeCloseTo(p99, 3);
    });
  }

  test("the figures, unrounded, by hand", () => {
    const verdict = checkDesign(makeBoard(healthyNodes(), healthyEdges), exampleWorkload(), "example");
    // lb: 2,100 over 2 x 50,000 = 0.021; p99 1 / 0.979.
    expect(node(verdict, "lb").rho).toBeCloseTo(0.021, 12);
    expect(node(verdict, "lb").p99Ms).toBeCloseTo(1 / 0.979, 12);
    // api: 2,100 over 4 x 1,000 = 0.525; p99 20 / 0.475.
    expect(node(verdict, "api").p99Ms).toBeCloseTo(20 / 0.475, 12);
    // db: 400 / 2 / 10,000 + 100 / 2,000 = 0.07; a database that takes writes reports its write p99, 10 / 0.93.
    expect(node(verdict, "db").rho).toBeCloseTo(0.07, 12);
    expect(node(verdict, "db").p99Ms).toBeCloseTo(10 / 0.93, 12);
    expect(node(verdict, "cache").hitRatio).toBe(0.8);
    // reads: the miss path (20%) sets the p99: 1/0.979 + 20/0.475 + 5/0.93.
    expect(stream(verdict, "reads")).toEqual({ name: "reads", p99Ms: expect.closeTo(1 / 0.979 + 20 / 0.475 + 5 / 0.93, 9), path: ["users", "lb", "api", "db"] });
    expect(stream(verdict, "writes").path).toEqual(["users", "lb", "api", "db"]);
    expect(verdict.prompt).toBe("example");
    expect(verdict.checks.map((entry) => entry.id)).toEqual(["structure", "capacity", "headroom", "latency", "redundancy", "failover", "storage", "async"]);
  });

  test("the verdict is deterministic and plain JSON", () => {
    const board = makeBoard(healthyNodes(), healthyEdges);
    const first = JSON.stringify(checkDesign(board, exampleWorkload(), "p"));
    const second = JSON.stringify(checkDesign(structuredClone(board), exampleWorkload(), "p"));
    expect(second).toBe(first);
    const verdict = checkDesign(board, exampleWorkload(), "p");
    expect(JSON.parse(first)).toEqual(verdict);
  });
});

describe("routing", () => {
  test("a split node divides a type's rate evenly over its edges that carry it; clients share a stream", () => {
    const board = makeBoard(
      {
        web: { kind: "client" },
        app: { kind: "client" },
        lb: { kind: "load-balancer", instances: 2 },
        s1: { kind: "service", instances: 2 },
        s2: { kind: "service", instances: 2 },
        db: { kind: "database", replicas: 1 },
      },
      ["web>lb", "app>lb", "lb>s1", "lb>s2", "s1>db", "s2>db"],
    );
    const verdict = checkDesign(board, makeWorkload([["reads", "read", 1000, 500]]));
    // 1,000 over two clients: 500 each; lb gets both; the lb splits 1,000 over s1 and s2: 500 each; both send all to db.
    expect(node(verdict, "web").reads).toBe(500);
    expect(node(verdict, "app").reads).toBe(500);
    expect(node(verdict, "lb").reads).toBe(1000);
    expect(node(verdict, "s1").reads).toBe(500);
    expect(node(verdict, "s2").reads).toBe(500);
    expect(node(verdict, "db").reads).toBe(1000);
  });

  test("a split counts only the edges that carry the type", () => {
    const board = makeBoard(
      { users: { kind: "client" }, lb: { kind: "load-balancer" }, reader: { kind: "service" }, writer: { kind: "service" }, db: { kind: "database" } },
      ["users>lb", "lb>reader:read", "lb>writer:write", "reader>db", "writer>db"],
    );
    const verdict = checkDesign(board, makeWorkload([["reads", "read", 300, 500], ["writes", "write", 30, 500]]));
    expect(node(verdict, "reader")).toMatchObject({ reads: 300, writes: 0 });
    expect(node(verdict, "writer")).toMatchObject({ reads: 0, writes: 30 });
  });

  test("a service fans out: every dependency gets all of it", () => {
    const board = makeBoard(
      { users: { kind: "client" }, api: { kind: "service", instances: 4 }, db: { kind: "database", replicas: 1 }, search: { kind: "search-index", instances: 2 }, blobs: { kind: "object-store" } },
      ["users>api", "api>db", "api>search", "api>blobs"],
    );
    const verdict = checkDesign(board, makeWorkload([["reads", "read", 1000, 500]]));
    for (const id of ["db", "search", "blobs"]) expect(node(verdict, id).reads, id).toBe(1000);
    // search: 1,000 over 2 x 2,000 = 0.25; blobs: 1,000 / 1 / 20,000 = 0.05.
    expect(node(verdict, "search").rho).toBeCloseTo(0.25, 12);
    expect(node(verdict, "blobs").rho).toBeCloseTo(0.05, 12);
  });

  test("cache-aside: the caches share the reads, the stores get the misses at the mean hit ratio, other edges get every read", () => {
    const board = makeBoard(
      {
        users: { kind: "client" },
        api: { kind: "service", instances: 4 },
        hot: { kind: "cache", hitRatio: 0.5, replicas: 1 },
        warm: { kind: "cache", hitRatio: 0.9, replicas: 1 },
        db: { kind: "database", replicas: 1 },
        profile: { kind: "service", instances: 2 },
        profiles: { kind: "database", replicas: 1 },
      },
      ["users>api", "api>hot", "api>warm", "api>db", "api>profile", "profile>profiles"],
    );
    const verdict = checkDesign(board, makeWorkload([["reads", "read", 1000, 500], ["writes", "write", 100, 500]], { maxHitRatio: { cache: 0.9 } }));
    // Two caches: 500 reads each. Mean hit ratio (0.5 + 0.9) / 2 = 0.7: db gets 1,000 x 0.3 = 300. profile gets all 1,000.
    expect(node(verdict, "hot").reads).toBe(500);
    expect(node(verdict, "warm").reads).toBe(500);
    expect(node(verdict, "db").reads).toBeCloseTo(300, 9);
    expect(node(verdict, "profile").reads).toBe(1000);
    // Writes fan out: each cache gets 100 (invalidations, since api also writes to db) and db 100.
    expect(node(verdict, "hot").writes).toBe(100);
    expect(node(verdict, "db").writes).toBe(100);
    expect(check(verdict, "structure").status).toBe("passed");
  });

  test("a chain is plain fan-out of the cache's misses; drawing the chain and the pair counts the misses once", () => {
    const nodes: Record<string, NodeSpec> = { users: { kind: "client" }, api: { kind: "service", instances: 2 }, cache: { kind: "cache", hitRatio: 0.8, replicas: 1 }, db: { kind: "database", replicas: 1 } };
    const workload = makeWorkload([["reads", "read", 1000, 500]], { maxHitRatio: { cache: 0.8 } });
    const chain = checkDesign(makeBoard(nodes, ["users>api", "api>cache", "cache>db"]), workload);
    // 1,000 x (1 - 0.8) = 200 misses go on from the cache to db; the miss path includes the cache.
    expect(node(chain, "cache").reads).toBe(1000);
    expect(node(chain, "db").reads).toBeCloseTo(200, 9);
    expect(stream(chain, "reads").path).toEqual(["users", "api", "cache", "db"]);
    const both = checkDesign(makeBoard(nodes, ["users>api", "api>cache", "api>db", "cache>db"]), workload);
    expect(node(both, "db").reads).toBeCloseTo(200, 9);
    // The pair's miss path is service -> store: the lookup is not added.
    expect(stream(both, "reads").path).toEqual(["users", "api", "db"]);
  });

  test("dns is a lookup beside the path: nothing is routed into it, and it is never reported unreached", () => {
    const nodes: Record<string, NodeSpec> = { users: { kind: "client" }, dns: { kind: "dns" }, api: { kind: "service", instances: 2 }, db: { kind: "database", replicas: 1 } };
    const verdict = checkDesign(makeBoard(nodes, ["users>dns", "users>api", "dns>api", "api>db"]), makeWorkload([["reads", "read", 1000, 500]]));
    // The client splits over its non-dns edges only: api gets all 1,000, not 500.
    expect(node(verdict, "api").reads).toBe(1000);
    expect(node(verdict, "dns")).toEqual({ id: "dns", reads: 0, writes: 0, rho: 0, p99Ms: null });
    expect(check(verdict, "structure")).toEqual({ id: "structure", status: "passed" });
    // A client whose only edge goes to dns sends nothing.
    const onlyDns = checkDesign(makeBoard(nodes, ["users>dns", "dns>api", "api>db"]), makeWorkload([["reads", "read", 1000, 500]]));
    expect(check(onlyDns, "structure").message).toMatch(/No client sends the "reads" stream/);
  });

  test("an edge into a client carries nothing and closes no cycle; a node whose only edges go into clients is a dead end", () => {
    const nodes: Record<string, NodeSpec> = { users: { kind: "client" }, api: { kind: "service", instances: 2 }, db: { kind: "database", replicas: 1 }, notifier: { kind: "service", label: "Notifier", instances: 2 } };
    const workload = makeWorkload([["sends", "write", 100, 500]]);
    const push = checkDesign(makeBoard(nodes, ["users>api", "api>db", "api>users", "api>notifier", "notifier>db"]), workload);
    expect(node(push, "users").writes).toBe(100);
    expect(failedChecks(push)).not.toContain("structure");
    const deadEnd = checkDesign(makeBoard(nodes, ["users>api", "api>db", "api>notifier", "notifier>users"]), workload);
    expect(check(deadEnd, "structure")).toMatchObject({ status: "failed", nodes: ["notifier"] });
    expect(check(deadEnd, "structure").message).toMatch(/The "sends" stream stops at Notifier, which has no outgoing edge for writes/);
  });

  test("a queue ends the synchronous path: its p99 counts, the work after it is judged but adds no latency, and may leave the board", () => {
    const board = makeBoard(
      { users: { kind: "client" }, api: { kind: "service", instances: 3 }, jobs: { kind: "queue", instances: 2 }, worker: { kind: "worker", instances: 4 }, db: { kind: "database", replicas: 1 }, mailer: { kind: "worker", instances: 4 } },
      ["users>api", "api>jobs", "jobs>worker", "worker>db", "jobs>mailer"],
    );
    const verdict = checkDesign(board, makeWorkload([["jobs", "write", 1000, 100]]));
    // api: 1,000 over 3 x 1,000 = 1/3, p99 20 / (2/3) = 30; jobs: 1,000 / 100,000 = 0.01, p99 5 / 0.99. The worker (1,000 over 4 x 1,000 = 0.25) is judged but not on the path.
    expect(stream(verdict, "jobs")).toEqual({ name: "jobs", p99Ms: expect.closeTo(30 + 5 / 0.99, 9), path: ["users", "api", "jobs"] });
    expect(node(verdict, "worker")).toMatchObject({ writes: 1000, rho: 0.25 });
    expect(node(verdict, "db").writes).toBe(1000);
    // mailer has no outgoing edge: after a queue its work leaves the board.
    expect(check(verdict, "structure").status).toBe("passed");
    expect(verdict.verdict).toBe("passed");
  });

  test("a cache with no outgoing edge is the store where the cap is 1", () => {
    const nodes: Record<string, NodeSpec> = { users: { kind: "client" }, cache: { kind: "cache", label: "Cache", instances: 2, replicas: 1, hitRatio: 0.5 } };
    const streams: Array<[string, "read" | "write", number, number]> = [["gets", "read", 1000, 10], ["sets", "write", 100, 10]];
    const store = checkDesign(makeBoard(nodes, ["users>cache"]), makeWorkload(streams, { maxHitRatio: { cache: 1 }, dataGb: 100 }));
    expect(check(store, "structure").status).toBe("passed");
    // It absorbs everything; rho = 1,000 / (2 x 2) / 100,000 + 100 / 2 / 100,000 = 0.003.
    expect(node(store, "cache").rho).toBeCloseTo(0.003, 12);
    expect(stream(store, "gets").path).toEqual(["users", "cache"]);
    // With no database reached, storage counts it: 2 x 128 GB = 256 >= 100.
    expect(check(store, "storage").status).toBe("passed");
    expect(store.verdict).toBe("passed");
  });

  test("a cache or cdn with no outgoing edge where the cap is not 1: what it cannot absorb stops there", () => {
    const cache = checkDesign(
      makeBoard({ users: { kind: "client" }, cache: { kind: "cache", label: "Cache", instances: 2, replicas: 1, hitRatio: 0.9 } }, ["users>cache"]),
      makeWorkload([["redirects", "read", 1000, 50], ["new links", "write", 10, 300]], { maxHitRatio: { cache: 0.9 } }),
    );
    expect(check(cache, "structure").status).toBe("failed");
    expect(check(cache, "structure").message).toContain('Reads of the "redirects" stream that miss Cache reach no store');
    expect(check(cache, "structure").message).toContain('Writes of the "new links" stream to Cache reach no store');
    const cdn = checkDesign(makeBoard({ users: { kind: "client" }, cdn: { kind: "cdn", label: "CDN", hitRatio: 0.5 } }, ["users>cdn"]), makeWorkload([["pages", "read", 1000, 50]], { maxHitRatio: { cdn: 0.5 } }));
    expect(check(cdn, "structure").message).toContain('Reads of the "pages" stream that miss CDN reach no origin');
  });

  test("a write that reaches only the cache stops there; with a store beside it, it is an invalidation", () => {
    const nodes: Record<string, NodeSpec> = { users: { kind: "client" }, api: { kind: "service", instances: 2 }, cache: { kind: "cache", label: "Cache", replicas: 1, hitRatio: 0.9 }, db: { kind: "database", replicas: 1 } };
    const workload = makeWorkload([["reads", "read", 1000, 100], ["writes", "write", 10, 300]], { maxHitRatio: { cache: 0.9 } });
    const onlyCache = checkDesign(makeBoard(nodes, ["users>api", "api>cache", "api>db:read"]), workload);
    expect(check(onlyCache, "structure")).toMatchObject({ status: "failed", nodes: ["cache"] });
    expect(check(onlyCache, "structure").message).toContain('Writes of the "writes" stream to Cache reach no store');
    const invalidation = checkDesign(makeBoard(nodes, ["users>api", "api>cache", "api>db"]), workload);
    expect(check(invalidation, "structure").status).toBe("passed");
  });

  test("the hit ratio is capped by the prompt; an absent kind caches nothing", () => {
    const board = makeBoard(
      { users: { kind: "client" }, edge: { kind: "cdn", hitRatio: 0.9 }, api: { kind: "service", instances: 2 }, cache: { kind: "cache", hitRatio: 0.99, replicas: 1 }, db: { kind: "database", replicas: 1 } },
      ["users>edge", "edge>api", "api>cache", "api>db"],
    );
    const verdict = checkDesign(board, makeWorkload([["reads", "read", 1000, 500]], { maxHitRatio: { cache: 0.9 } }));
    // cdn: no cap given, so 0: all 1,000 reach api. cache: 0.99 capped to 0.9: db gets 1,000 x 0.1 = 100.
    expect(node(verdict, "edge").hitRatio).toBe(0);
    expect(node(verdict, "api").reads).toBe(1000);
    expect(node(verdict, "cache").hitRatio).toBe(0.9);
    expect(node(verdict, "db").reads).toBeCloseTo(100, 9);
  });

  test("a cdn absorbs its hits and splits the misses over its origins", () => {
    const board = makeBoard(
      { users: { kind: "client" }, edge: { kind: "cdn", hitRatio: 0.9 }, a: { kind: "object-store" }, b: { kind: "object-store" } },
      ["users>edge", "edge>a", "edge>b"],
    );
    const verdict = checkDesign(board, makeWorkload([["plays", "read", 1000, 500]], { maxHitRatio: { cdn: 0.9 } }));
    // 1,000 x 0.1 = 100 misses, split: 50 each.
    expect(node(verdict, "a").reads).toBeCloseTo(50, 9);
    expect(node(verdict, "b").reads).toBeCloseTo(50, 9);
    expect(node(verdict, "edge")).toMatchObject({ rho: 0, p99Ms: 10 });
  });
});

describe("structure", () => {
  test("a cycle without a queue fails naming the edge; the edge carries nothing", () => {
    const board = makeBoard(
      { users: { kind: "client" }, a: { kind: "service", label: "Orders", instances: 2 }, b: { kind: "service", label: "Billing", instances: 2 }, db: { kind: "database", replicas: 1 } },
      ["users>a", "a>b", "b>a", "b>db"],
    );
    const verdict = checkDesign(board, makeWorkload([["orders", "write", 100, 500]]));
    expect(check(verdict, "structure")).toMatchObject({ status: "failed", nodes: ["b", "a"], concept: "message-queue" });
    expect(check(verdict, "structure").message).toContain('The edge from Billing to Orders closes a cycle for the "orders" stream with no queue on it');
    // a's 100 counted once: the back edge carries nothing.
    expect(node(verdict, "a").writes).toBe(100);
    expect(node(verdict, "db").writes).toBe(100);
  });

  test("a self-loop is a cycle", () => {
    const verdict = checkDesign(makeBoard({ users: { kind: "client" }, a: { kind: "service", instances: 2 }, db: { kind: "database", replicas: 1 } }, ["users>a", "a>a", "a>db"]), makeWorkload([["w", "write", 10, 500]]));
    expect(check(verdict, "structure").message).toMatch(/closes a cycle/);
  });

  test("a cycle through a queue is asynchronous feedback: it carries nothing and does not fail", () => {
    const board = makeBoard(
      { seeds: { kind: "client" }, frontier: { kind: "queue", instances: 2 }, fetcher: { kind: "worker", instances: 4 }, pages: { kind: "object-store" } },
      ["seeds>frontier", "frontier>fetcher", "fetcher>pages", "fetcher>frontier"],
    );
    const verdict = checkDesign(board, makeWorkload([["fetches", "write", 1000, 60000]], { async: ["fetches"] }));
    expect(check(verdict, "structure").status).toBe("passed");
    expect(node(verdict, "frontier").writes).toBe(1000);
    expect(node(verdict, "pages").writes).toBe(1000);
    expect(verdict.verdict).toBe("passed");
  });

  test("work after a queue is checked for cycles too", () => {
    const board = makeBoard(
      { users: { kind: "client" }, q: { kind: "queue", instances: 2 }, w1: { kind: "worker", instances: 2 }, w2: { kind: "worker", instances: 2 } },
      ["users>q", "q>w1", "w1>w2", "w2>w1"],
    );
    expect(check(checkDesign(board, makeWorkload([["jobs", "write", 10, 500]])), "structure").message).toMatch(/from w2 to w1 closes a cycle/);
  });

  test("a stream with no client fails structure and latency; an unreached node is reported, not judged", () => {
    const board = makeBoard(
      { users: { kind: "client" }, api: { kind: "service", instances: 2 }, db: { kind: "database", replicas: 1 }, spare: { kind: "service", label: "Spare" } },
      ["users>api:read", "api>db"],
    );
    const verdict = checkDesign(board, makeWorkload([["reads", "read", 100, 500], ["writes", "write", 10, 500]]));
    expect(check(verdict, "structure").message).toMatch(/No client sends the "writes" stream/);
    expect(stream(verdict, "writes")).toEqual({ name: "writes", p99Ms: null, path: [] });
    expect(check(verdict, "latency").message).toMatch(/The "writes" stream has no path from a client/);
    // spare has 1 instance but is not reached: redundancy does not judge it.
    expect(check(verdict, "redundancy").status).toBe("passed");
    expect(node(verdict, "spare")).toEqual({ id: "spare", reads: 0, writes: 0, rho: 0, p99Ms: 20 });
    const reported = checkDesign(board, makeWorkload([["reads", "read", 100, 500]]));
    expect(check(reported, "structure")).toEqual({ id: "structure", status: "passed", message: "Not reached by any stream, so not judged: Spare.", nodes: ["spare"] });
  });

  test("a board whose fan-out has too many paths fails structure instead of running away", () => {
    const nodes: Record<string, NodeSpec> = { users: { kind: "client" } };
    const edges: string[] = ["users>a0", "users>b0"];
    for (let layer = 0; layer < 24; layer += 1) {
      nodes[`a${layer}`] = { kind: "service", instances: 2 };
      nodes[`b${layer}`] = { kind: "service", instances: 2 };
      if (layer > 0) edges.push(`a${layer - 1}>a${layer}`, `a${layer - 1}>b${layer}`, `b${layer - 1}>a${layer}`, `b${layer - 1}>b${layer}`);
    }
    nodes.db = { kind: "database", replicas: 1 };
    edges.push("a23>db", "b23>db");
    // 2^24 paths: the check stops after 20,000 steps.
    const verdict = checkDesign(makeBoard(nodes, edges), makeWorkload([["w", "write", 1, 500]]));
    expect(check(verdict, "structure").message).toMatch(/more paths than the check follows/);
  });
});

describe("capacity and headroom", () => {
  const linksBoard = (replicas: number) =>
    makeBoard({ users: { kind: "client" }, api: { kind: "service", instances: 60 }, db: { kind: "database", label: "Links DB", replicas } }, ["users>api", "api>db"]);

  test("a database over capacity fails with the contract's message", () => {
    // 36,000 reads over 1 shard x 3 copies x 10,000 = 1.2.
    const verdict = checkDesign(linksBoard(2), makeWorkload([["redirects", "read", 36000, 50]]));
    expect(check(verdict, "capacity")).toEqual({
      id: "capacity",
      status: "failed",
      message: "Links DB: 120% of capacity at peak: 36,000 reads/s over 3 copies x 10,000 reads/s. A cache in front (caching) or more read replicas (replication) would carry it.",
      nodes: ["db"],
      concept: "caching",
    });
    expect(node(verdict, "db").rho).toBeCloseTo(1.2, 12);
    expect(node(verdict, "db").p99Ms).toBeNull();
    expect(stream(verdict, "redirects").p99Ms).toBeNull();
    expect(failedChecks(verdict)).toEqual(["capacity", "headroom", "latency", "failover"]);
  });

  test("headroom fails between 80% and 100%, capacity does not", () => {
    // 25,500 reads over 3 copies x 10,000 = 0.85.
    const verdict = checkDesign(linksBoard(2), makeWorkload([["redirects", "read", 25500, 500]]));
    expect(check(verdict, "capacity").status).toBe("passed");
    expect(check(verdict, "headroom")).toMatchObject({ status: "failed", nodes: ["db"], concept: "caching" });
    expect(check(verdict, "headroom").message).toMatch(/^Links DB: 85% of capacity at peak, over the 80%/);
    // Exactly 80%: 24,000 / 30,000 passes.
    expect(check(checkDesign(linksBoard(2), makeWorkload([["redirects", "read", 24000, 500]])), "headroom").status).toBe("passed");
  });

  test("write-heavy databases point to sharding", () => {
    // 2,500 writes over 1 shard x 2,000 = 1.25.
    const verdict = checkDesign(linksBoard(1), makeWorkload([["writes", "write", 2500, 500]]));
    expect(check(verdict, "capacity")).toMatchObject({ concept: "sharding" });
    expect(check(verdict, "capacity").message).toContain("2,500 writes/s over 1 shard x 2,000 writes/s");
  });

  test("thresholds allow a relative 1e-9 for floating point", () => {
    const nodes = (): Record<string, NodeSpec> => ({
      users: { kind: "client" },
      api: { kind: "service", instances: 300 },
      cache: { kind: "cache", hitRatio: 0.95, replicas: 2, instances: 2 },
      db: { kind: "database", replicas: 0 },
    });
    // 100,000 x (1 - 0.9) is 9,999.999999999998 in floating point, exactly 10,000 in arithmetic: at capacity, so it fails.
    const atCapacity = checkDesign(makeBoard(nodes(), ["users>api", "api>cache", "api>db"]), makeWorkload([["reads", "read", 100000, 5000]], { maxHitRatio: { cache: 0.9 } }));
    expect(node(atCapacity, "db").rho).toBeLessThan(1);
    expect(check(atCapacity, "capacity")).toMatchObject({ status: "failed", nodes: ["db"] });
    // 160,000 x (1 - 0.95) is 8,000.000000000007: 80% in arithmetic, so headroom passes.
    const atHeadroom = checkDesign(makeBoard(nodes(), ["users>api", "api>cache", "api>db"]), makeWorkload([["reads", "read", 160000, 5000]], { maxHitRatio: { cache: 0.95 } }));
    expect(node(atHeadroom, "db").rho).toBeGreaterThan(0.8);
    expect(check(atHeadroom, "headroom").status).toBe("passed");
  });
});

describe("latency", () => {
  test("a stream over its budget fails, naming the path and the slowest node", () => {
    const workload = makeWorkload([["reads", "read", 2000, 40], ["writes", "write", 100, 200]], { dataGb: 1000, maxHitRatio: { cache: 0.8 } });
    const verdict = checkDesign(makeBoard(healthyNodes(), healthyEdges), workload);
    // 48.503 > 40.
    expect(check(verdict, "latency")).toMatchObject({ status: "failed", nodes: ["api"] });
    expect(check(verdict, "latency").message).toMatch(/^"reads": p99 48.5 ms, over its 40 ms budget, on Users -> Load balancer -> API -> Database \(20% of its requests\), where API takes 42.1 ms at 53% of capacity\./);
    // Exactly at the budget passes.
    const exact = makeWorkload([["reads", "read", 2000, 1 / 0.979 + 20 / 0.475 + 5 / 0.93], ["writes", "write", 100, 200]], { maxHitRatio: { cache: 0.8 } });
    expect(check(checkDesign(makeBoard(healthyNodes(), healthyEdges), exact), "latency").status).toBe("passed");
  });

  test("the remedy follows the cause: a hop the budget has no room for, or queueing at a busy node", () => {
    const workload = makeWorkload([["get", "read", 1000, 1]], { maxHitRatio: { cache: 1 } });
    // Idle p99s alone: proxy 1 ms + cache 0.5 ms = 1.5 ms > 1 ms: the hop is the cause, and the cache is next.
    const hop = checkDesign(
      makeBoard({ apps: { kind: "client" }, proxy: { kind: "load-balancer", label: "Proxy", instances: 2 }, cache: { kind: "cache", replicas: 1 } }, ["apps>proxy", "proxy>cache"]),
      workload,
    );
    expect(check(hop, "latency")).toMatchObject({ status: "failed", nodes: ["proxy"], concept: "consistent-hashing" });
    expect(check(hop, "latency").message).toContain("The budget has no room for the hop through Proxy: let the clients hash keys to the cache nodes themselves");
    // The worked example with a 45 ms budget: idle 1 + 20 + 5 = 26 ms fits; api's queueing (42.1 - 20) is the cause.
    const busy = checkDesign(makeBoard(healthyNodes(), healthyEdges), makeWorkload([["reads", "read", 2000, 45], ["writes", "write", 100, 200]], { maxHitRatio: { cache: 0.8 } }));
    expect(check(busy, "latency")).toMatchObject({ nodes: ["api"], concept: "load-balancer" });
  });

  const slowMisses = (hitRatio: number) =>
    makeBoard(
      {
        users: { kind: "client" },
        lb: { kind: "load-balancer", instances: 2 },
        ...Object.fromEntries(Array.from({ length: 10 }, (_, index) => [`api${index}`, { kind: "service", instances: 2 } as NodeSpec])),
        cache: { kind: "cache", hitRatio, replicas: 1 },
        blobs: { kind: "object-store", instances: 4 },
      },
      ["users>lb", ...Array.from({ length: 10 }, (_, index) => [`lb>api${index}`, `api${index}>cache`, `api${index}>blobs`]).flat()],
    );

  test("the 1% rule: a path carrying exactly 1% counts (floating point gives 0.009999999999999998), 0.9% does not", () => {
    // lb splits over 10 services (10% each); each misses 1 - 0.9 = 10%: 1% of the stream per miss path, to a 50 ms store.
    const counted = checkDesign(slowMisses(0.9), makeWorkload([["reads", "read", 100, 1000]], { maxHitRatio: { cache: 0.9 } }));
    expect(stream(counted, "reads").path).toEqual(["users", "lb", "api0", "blobs"]);
    // 0.91: each miss path carries 0.9%; the hit path (through the cache) sets the p99.
    const ignored = checkDesign(slowMisses(0.91), makeWorkload([["reads", "read", 100, 1000]], { maxHitRatio: { cache: 0.91 } }));
    expect(stream(ignored, "reads").path).toEqual(["users", "lb", "api0", "cache"]);
  });

  test("when no path carries 1%, the p99 is the largest over all paths", () => {
    const board = makeBoard(
      {
        users: { kind: "client" },
        lb: { kind: "load-balancer", instances: 2 },
        ...Object.fromEntries(Array.from({ length: 120 }, (_, index) => [`api${index}`, { kind: "service", instances: 2 } as NodeSpec])),
        db: { kind: "database", replicas: 1 },
        blobs: { kind: "object-store" },
      },
      ["users>lb", ...Array.from({ length: 120 }, (_, index) => [`lb>api${index}`, index === 7 ? `api${index}>blobs` : `api${index}>db`]).flat()],
    );
    // Each path carries 1/120 < 1%: all count, and the one through the 50 ms object store is the slowest.
    const verdict = checkDesign(board, makeWorkload([["reads", "read", 1200, 1000]]));
    expect(stream(verdict, "reads").path).toEqual(["users", "lb", "api7", "blobs"]);
  });
});

test("the generated 200-node board of the benchmark is valid, reached everywhere, and passes", () => {
  const verdict = checkDesign(generatedBoard(), generatedWorkload());
  expect(verdict.nodes).toHaveLength(200);
  expect(check(verdict, "structure")).toEqual({ id: "structure", status: "passed" });
  expect(verdict.verdict).toBe("passed");
});

describe("redundancy", () => {
  test("every reached node we run needs 2 instances; databases and caches need a replica, however many shards", () => {
    const nodes = healthyNodes();
    nodes.lb = { kind: "load-balancer", label: "Load balancer" };
    nodes.db = { kind: "database", label: "Database", instances: 4 };
    const verdict = checkDesign(makeBoard(nodes, healthyEdges), exampleWorkload());
    expect(check(verdict, "redundancy")).toMatchObject({ status: "failed", nodes: ["lb", "db"], concept: "load-balancer" });
    expect(check(verdict, "redundancy").message).toContain("Load balancer has 1 instance");
    expect(check(verdict, "redundancy").message).toContain("Database has no replica: shards are not copies");
    expect(check(checkDesign(makeBoard(healthyNodes(), healthyEdges), exampleWorkload()), "redundancy").status).toBe("passed");
  });

  test("client, dns, cdn, object-store and external are never judged", () => {
    const board = makeBoard(
      { users: { kind: "client" }, dns: { kind: "dns" }, edge: { kind: "cdn", hitRatio: 0.5 }, blobs: { kind: "object-store" }, card: { kind: "external" }, api: { kind: "service", instances: 2 } },
      ["users>dns", "users>edge", "edge>blobs:read", "edge>api:write", "api>card"],
    );
    const verdict = checkDesign(board, makeWorkload([["plays", "read", 100, 500], ["pays", "write", 10, 1000]], { maxHitRatio: { cdn: 0.5 } }));
    expect(check(verdict, "redundancy").status).toBe("passed");
    expect(check(verdict, "failover").status).toBe("passed");
    expect(node(verdict, "card")).toMatchObject({ rho: 0, p99Ms: 200 });
  });
});

describe("failover", () => {
  test("losing one of 3 instances at 70% overloads the rest (the contract's second board)", () => {
    const nodes = healthyNodes();
    nodes.api = { kind: "service", label: "API", instances: 3 };
    const board = makeBoard(nodes, healthyEdges);
    const verdict = checkDesign(board, exampleWorkload());
    expect(check(verdict, "failover")).toEqual({
      id: "failover",
      status: "failed",
      // 2,100 over 2 x 1,000 = 1.05.
      message: "Without one of API's 3 instances, API is at 105% of capacity (2,100 requests/s over 2 instances x 1,000 requests/s). One instance more than the peak needs (load-balancer) would carry the loss.",
      nodes: ["api"],
      concept: "load-balancer",
    });
    const drill = failoverScenario(board, exampleWorkload(), "api");
    expect(drill).toMatchObject({ node: "api", dataLost: false, passed: false, overCapacity: [{ id: "api", rho: expect.closeTo(1.05, 12) }] });
    expect(drill?.streams.map((entry) => entry.p99Ms)).toEqual([null, null]);
    // Losing a database copy: 400 / 1 / 10,000 + 100 / 2,000 = 0.09; the reads' p99 is finite.
    const db = failoverScenario(board, exampleWorkload(), "db");
    expect(db).toMatchObject({ passed: true, overCapacity: [] });
    expect(db?.streams[0]?.p99Ms).toBeGreaterThan(0);
    expect(failoverScenario(board, exampleWorkload(), "users")).toBeUndefined();
    expect(failoverScenario(board, exampleWorkload(), "nowhere")).toBeUndefined();
  });

  test("a node with one instance fails failover as well as redundancy", () => {
    const nodes = healthyNodes();
    nodes.lb = { kind: "load-balancer", label: "Load balancer" };
    const verdict = checkDesign(makeBoard(nodes, healthyEdges), exampleWorkload());
    expect(failedChecks(verdict)).toEqual(["redundancy", "failover"]);
    expect(check(verdict, "failover").message).toContain("Without Load balancer's only instance, Load balancer has no capacity left (2,100 requests/s over 0 instances x 50,000 requests/s)");
    // In the drill, a node with no instance left has rho null (JSON has no Infinity).
    expect(failoverScenario(makeBoard(nodes, healthyEdges), exampleWorkload(), "lb")?.overCapacity).toEqual([{ id: "lb", rho: null }]);
  });

  test("r = 0: a database loses the shard's data", () => {
    const nodes = healthyNodes();
    nodes.db = { kind: "database", label: "Database", instances: 3 };
    const board = makeBoard(nodes, healthyEdges);
    const verdict = checkDesign(board, exampleWorkload());
    expect(check(verdict, "failover")).toMatchObject({ status: "failed", nodes: ["db"], concept: "replication" });
    expect(check(verdict, "failover").message).toBe("Database has no replica: losing a copy of one of its 3 shards loses that shard's data. A replica per shard (replication) keeps it.");
    expect(failoverScenario(board, exampleWorkload(), "db")).toMatchObject({ dataLost: true, passed: false });
  });

  test("r = 0: a cache in front of a store turns the lost shard's hits into misses downstream", () => {
    const board = (instances: number) =>
      makeBoard(
        { users: { kind: "client" }, api: { kind: "service", instances: 40 }, cache: { kind: "cache", label: "Cache", instances, hitRatio: 0.8 }, db: { kind: "database", label: "DB", replicas: 1 } },
        ["users>api", "api>cache", "api>db"],
      );
    const workload = makeWorkload([["reads", "read", 30000, 1000]], { maxHitRatio: { cache: 0.8 } });
    // Two shards: effective hit ratio 0.8 x 1/2 = 0.4; db gets 30,000 x 0.6 = 18,000 reads over 2 copies: 0.9 (from 0.3).
    const two = failoverScenario(board(2), workload, "cache");
    expect(two).toMatchObject({ dataLost: false, passed: true, overCapacity: [] });
    expect(check(checkDesign(board(2), workload), "failover").status).toBe("passed");
    // One shard: all hits become misses: 30,000 / 2 / 10,000 = 1.5. The cache keeps its own utilization.
    const one = failoverScenario(board(1), workload, "cache");
    expect(one).toMatchObject({ passed: false, overCapacity: [{ id: "db", rho: expect.closeTo(1.5, 12) }] });
    const verdict = checkDesign(board(1), workload);
    expect(check(verdict, "failover").message).toContain("Without one copy of Cache's only shard, DB is at 150% of capacity (30,000 reads/s over 2 copies x 10,000 reads/s)");
  });

  test("r = 0: a cache that is the store loses its data", () => {
    const board = makeBoard({ users: { kind: "client" }, cache: { kind: "cache", label: "Cache", instances: 4 } }, ["users>cache"]);
    const verdict = checkDesign(board, makeWorkload([["gets", "read", 1000, 10]], { maxHitRatio: { cache: 1 } }));
    expect(check(verdict, "failover").message).toMatch(/^Cache has no replica: losing a copy of one of its 4 shards/);
  });

  test("the failover pass's re-routing has a step budget too: a board that exhausts it fails failover, it does not run away", () => {
    // 9 layers of two fully connected services (2^9 paths), ending in 16 unreplicated caches and a database:
    // 1 + 2 + 4 + ... + 2^9 + 2^9 x 17 = 9,727 steps per routing pass, under the 20,000 per pass,
    // but 16 re-routes (155,632) exceed the failover pass's 100,000.
    const verdict = checkDesign(manyPathsBoard(9, 16), manyPathsWorkload());
    expect(check(verdict, "structure").status).toBe("passed");
    expect(check(verdict, "failover").message).toContain("the misses take more paths than the check follows");
  });

  test("r >= 1: the shard's reads fall on its remaining copies", () => {
    const board = makeBoard({ users: { kind: "client" }, api: { kind: "service", instances: 20 }, db: { kind: "database", label: "DB", instances: 2, replicas: 1 } }, ["users>api", "api>db"]);
    // Base: 12,000 / (2 x 2) / 10,000 + 400 / 2 / 2,000 = 0.3 + 0.1 = 0.4. Losing a copy: 12,000 / (2 x 1) / 10,000 + 0.1 = 0.7.
    const workload = makeWorkload([["reads", "read", 12000, 1000], ["writes", "write", 400, 1000]]);
    expect(node(checkDesign(board, workload), "db").rho).toBeCloseTo(0.4, 12);
    expect(failoverScenario(board, workload, "db")?.passed).toBe(true);
    // 18,000 reads: 0.45 + 0.1 = 0.55 at peak, 0.9 + 0.1 = 1.0 without a copy: fails.
    const heavier = makeWorkload([["reads", "read", 18000, 1000], ["writes", "write", 400, 1000]]);
    expect(failoverScenario(board, heavier, "db")).toMatchObject({ passed: false, overCapacity: [{ id: "db", rho: expect.closeTo(1, 12) }] });
  });
});

describe("storage", () => {
  test("databases' shards x 2,000 GB x size must hold dataGb; exactly equal passes", () => {
    const nodes = healthyNodes();
    const board = makeBoard(nodes, healthyEdges);
    const workload = (dataGb: number) => makeWorkload([["reads", "read", 2000, 100]], { dataGb, maxHitRatio: { cache: 0.8 } });
    expect(check(checkDesign(board, workload(2000)), "storage").status).toBe("passed");
    expect(check(checkDesign(board, workload(2001)), "storage")).toEqual({
      id: "storage",
      status: "failed",
      message: "The databases hold 2,000 GB (Database: 1 shard x 2,000 GB), under the 2,001 GB of data (one copy). More shards (sharding) would hold it.",
      nodes: ["db"],
      concept: "sharding",
    });
    // Size "l" doubles: 3 shards x 4,000 GB = 12,000.
    nodes.db = { kind: "database", instances: 3, replicas: 1, size: "l" };
    expect(check(checkDesign(makeBoard(nodes, healthyEdges), workload(12000)), "storage").status).toBe("passed");
    expect(check(checkDesign(makeBoard(nodes, healthyEdges), workload(12001)), "storage").status).toBe("failed");
  });

  test("with no database reached, only caches with no outgoing edge at all count; dataGb 0 always passes", () => {
    const nodes: Record<string, NodeSpec> = { users: { kind: "client" }, front: { kind: "cache", instances: 2, replicas: 1, hitRatio: 0.5 }, store: { kind: "cache", instances: 3, replicas: 1, size: "s" } };
    const workload = (dataGb: number) => makeWorkload([["gets", "read", 1000, 50]], { dataGb, maxHitRatio: { cache: 1 } });
    // Only "store" counts: 3 x 128 x 0.5 = 192 GB ("front" has an outgoing edge).
    const board = makeBoard(nodes, ["users>front", "front>store"]);
    expect(check(checkDesign(board, workload(192)), "storage").status).toBe("passed");
    expect(check(checkDesign(board, workload(193)), "storage")).toMatchObject({ status: "failed", nodes: ["store"] });
    expect(check(checkDesign(board, workload(0)), "storage").status).toBe("passed");
    const noStore = makeBoard({ users: { kind: "client" }, blobs: { kind: "object-store" } }, ["users>blobs"]);
    expect(check(checkDesign(noStore, workload(10)), "storage").message).toMatch(/No database holds the 10 GB/);
    expect(check(checkDesign(noStore, workload(0)), "storage").status).toBe("passed");
  });
});

describe("async", () => {
  const nodes = (): Record<string, NodeSpec> => ({
    users: { kind: "client" },
    api: { kind: "service", label: "API", instances: 2 },
    blobs: { kind: "object-store" },
    jobs: { kind: "queue", instances: 2 },
    transcoder: { kind: "worker", label: "Transcoder", instances: 2 },
    push: { kind: "external", label: "Push provider" },
  });
  const workload = () => makeWorkload([["uploads", "write", 100, 5000]], { async: ["uploads"] });

  test("storing the raw input first, then enqueuing, passes", () => {
    const verdict = checkDesign(makeBoard(nodes(), ["users>api", "api>blobs", "api>jobs", "jobs>transcoder", "transcoder>blobs", "transcoder>push"]), workload());
    expect(check(verdict, "async").status).toBe("passed");
    expect(verdict.verdict).toBe("passed");
  });

  test("a worker before any queue fails, and so does a stream that never passes a queue", () => {
    const verdict = checkDesign(makeBoard(nodes(), ["users>api", "api>transcoder", "transcoder>blobs"]), workload());
    expect(check(verdict, "async")).toMatchObject({ status: "failed", nodes: ["transcoder"], concept: "message-queue" });
    expect(check(verdict, "async").message).toContain('The "uploads" stream never passes a queue');
    expect(check(verdict, "async").message).toContain('The "uploads" stream reaches Transcoder (worker) before any queue');
  });

  test("an external call before the queue fails even when a queue is reached too", () => {
    const verdict = checkDesign(makeBoard(nodes(), ["users>api", "api>push", "api>jobs", "jobs>transcoder", "transcoder>blobs"]), workload());
    expect(check(verdict, "async")).toMatchObject({ status: "failed", nodes: ["push"] });
    expect(check(verdict, "async").message).not.toContain("never pass a queue");
  });

  test("a stream with no path fails", () => {
    const verdict = checkDesign(makeBoard(nodes(), ["users>api:read", "api>blobs"]), workload());
    expect(check(verdict, "async").message).toContain('The "uploads" stream never passes a queue');
  });
});
