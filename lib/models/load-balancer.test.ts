import { describe, expect, test } from "vitest";
import { describe as describeState, initialState, sendMany, sendRequest, setStrategy, setWeight, toggleSlow, toggleUp } from "./load-balancer";

const order = (state: ReturnType<typeof initialState>) => state.history.map((a) => a.backend);

describe("load balancer model", () => {
  test("is deterministic: the same actions give the same state", () => {
    const run = () => sendMany(toggleSlow(sendMany(initialState("least-connections"), 5), "B"), 20);
    expect(run()).toEqual(run());
  });

  test("round robin cycles and skips a down backend", () => {
    const state = sendMany(toggleUp(initialState("round-robin"), "B"), 4);
    expect(order(state)).toEqual(["A", "C", "A", "C"]);
  });

  test("smooth weighted round robin with weights 3, 1, 1 interleaves the heavy backend", () => {
    const state = sendMany(initialState("weighted"), 5);
    expect(order(state)).toEqual(["A", "B", "A", "C", "A"]);
  });

  test("weights are clamped to 1..9", () => {
    const state = setWeight(setWeight(initialState("weighted"), "A", 40), "B", 0);
    expect(state.backends.map((b) => b.weight)).toEqual([9, 1, 1]);
  });

  test("least connections steers new requests away from a slow backend", () => {
    const slow = sendMany(toggleSlow(initialState("least-connections"), "A"), 60);
    const fair = sendMany(initialState("round-robin"), 60);
    const servedA = (s: typeof slow) => s.backends.find((b) => b.id === "A")!.served;
    expect(servedA(slow)).toBeLessThan(servedA(fair));
  });

  test("ip hash sends one client to one backend while the pool is unchanged", () => {
    const state = sendMany(initialState("ip-hash"), 40);
    const seen = new Map<string, string | null>();
    for (const a of state.history) {
      if (seen.has(a.client)) expect(a.backend).toBe(seen.get(a.client));
      seen.set(a.client, a.backend);
    }
  });

  test("with every backend down requests fail and the text says so", () => {
    let state = initialState("round-robin");
    for (const id of ["A", "B", "C"]) state = toggleUp(state, id);
    state = sendRequest(state);
    expect(state.failed).toBe(1);
    expect(describeState(state)).toContain("no healthy backend");
  });

  test("changing strategy starts a fresh run but keeps the pool's settings", () => {
    const state = setStrategy(sendMany(toggleUp(initialState("round-robin"), "C"), 6), "ip-hash");
    expect(state.history).toEqual([]);
    expect(state.backends.find((b) => b.id === "C")!.up).toBe(false);
    expect(state.backends.every((b) => b.served === 0 && b.open === 0)).toBe(true);
  });

  test("open connections are released as requests finish and never go negative", () => {
    const state = sendMany(initialState("least-connections"), 200);
    for (const b of state.backends) expect(b.open).toBeGreaterThanOrEqual(0);
    expect(state.backends.reduce((sum, b) => sum + b.open, 0)).toBe(state.inFlight.length);
  });
});
