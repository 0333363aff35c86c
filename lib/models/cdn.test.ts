import { describe, expect, test } from "vitest";
import {
  burst,
  BURST_SIZE,
  cityById,
  classify,
  createCdn,
  describeCdn,
  edgeStatus,
  ORIGIN_WORK_MS,
  purge,
  request,
  setCoalescing,
  setHeaders,
  setOrigin,
  wait,
} from "./cdn";

describe("serving one file through edges", () => {
  test("the first request at an edge is a MISS, the next a HIT, and edges are independent", () => {
    let sim = request(createCdn(), "syd");
    expect(sim.log[0]).toMatchObject({ served: "MISS", latencyMs: 10 + 198 + ORIGIN_WORK_MS, originFetches: 1 });
    sim = request(sim, "syd");
    expect(sim.log[0]).toMatchObject({ served: "HIT", latencyMs: 10, originFetches: 0 });
    sim = request(sim, "lon");
    expect(sim.log[0]?.served).toBe("MISS");
    expect([sim.requests, sim.hits, sim.originFetches]).toEqual([3, 1, 2]);
  });

  test("an entry is fresh while age < max-age", () => {
    let sim = request(createCdn(), "nyc"); // max-age 60
    sim = wait(wait(sim, 30), 29);
    expect(classify(sim, cityById("nyc")).served).toBe("HIT");
    sim = wait(sim, 1);
    expect(classify(sim, cityById("nyc")).served).toBe("MISS");
  });

  test("with the origin down, an expired copy is STALE within stale-if-error (inclusive), then ERROR", () => {
    let sim = request(createCdn(), "tyo"); // max-age 60, stale-if-error 120
    sim = setOrigin(wait(sim, 60 + 120), false);
    expect(classify(sim, cityById("tyo")).served).toBe("STALE");
    sim = wait(sim, 1);
    expect(classify(sim, cityById("tyo")).served).toBe("ERROR");
    expect(classify(sim, cityById("lon")).served).toBe("ERROR");
  });

  test("a fresh copy is a HIT even with the origin down", () => {
    const sim = setOrigin(request(createCdn(), "sao"), false);
    expect(classify(sim, cityById("sao")).served).toBe("HIT");
  });

  test("new headers apply to copies stored afterwards", () => {
    let sim = setHeaders(createCdn(), 300, 0);
    sim = request(sim, "lon");
    sim = wait(sim, 270);
    expect(edgeStatus(sim, cityById("lon"))).toBe("fresh, age 270 s of 300 s");
    sim = setOrigin(wait(sim, 30), false);
    expect(classify(sim, cityById("lon")).served).toBe("ERROR");
  });

  test("purge empties every edge", () => {
    let sim = request(request(createCdn(), "lon"), "nyc");
    sim = purge(sim);
    expect(sim.edges).toEqual({});
    expect(sim.note).toBe("Purged /logo.png from 2 edges.");
  });
});

describe("bursts and coalescing", () => {
  test("a burst of misses sends one origin fetch with coalescing and one per request without", () => {
    const on = burst(createCdn(), "syd");
    expect(on.originFetches).toBe(1);
    const off = burst(setCoalescing(createCdn(), false), "syd");
    expect(off.originFetches).toBe(BURST_SIZE);
    expect(off.requests).toBe(BURST_SIZE);
  });

  test("a burst on a fresh copy is all hits", () => {
    const sim = burst(request(createCdn(), "syd"), "syd");
    expect(sim.hits).toBe(BURST_SIZE);
    expect(sim.originFetches).toBe(1);
  });
});

describe("description", () => {
  test("states the last event and the counters", () => {
    const sim = request(createCdn(), "syd");
    expect(describeCdn(sim)).toBe(
      `Sydney: MISS in ${10 + 198 + ORIGIN_WORK_MS} ms; the Sydney edge fetched it from the origin and stored it for 60 s. Without a CDN: ${
        210 + ORIGIN_WORK_MS
      } ms. 1 request so far, 0 hits, 1 origin fetch. Hit ratio 0%. Origin up, clock 0 s.`,
    );
  });

  test("the same clicks give the same state", () => {
    const run = () => burst(wait(request(createCdn(), "lon"), 90), "lon");
    expect(run()).toEqual(run());
  });
});
