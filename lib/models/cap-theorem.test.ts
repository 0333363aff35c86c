import { describe, expect, test } from "vitest";
import { capReducer, createCapState, describeCap, latestValue, quorumsOverlap, reachable, type CapAction, type CapState } from "./cap-theorem";

const run = (state: CapState, ...actions: CapAction[]) => actions.reduce(capReducer, state);

describe("cap-theorem model logic", () => {
  test("a healthy write reaches every replica and a read returns it", () => {
    const state = run(createCapState("CP"), { type: "write", via: 0 }, { type: "read", via: 4 });
    expect(state.replicas.every((rep) => rep.value === "v1")).toBe(true);
    expect(state.last).toMatchObject({ kind: "read", ok: true, value: "v1" });
  });

  test("a partition limits what each side reaches", () => {
    const state = run(createCapState(), { type: "partition", split: 2 });
    expect(reachable(state, 0)).toEqual([0, 1]);
    expect(reachable(state, 3)).toEqual([2, 3, 4]);
  });

  test("CP refuses the minority side and changes nothing", () => {
    const state = run(createCapState("CP", 3, 3), { type: "write", via: 0 }, { type: "partition", split: 2 }, { type: "write", via: 1 });
    expect(state.last.ok).toBe(false);
    expect(state.replicas.every((rep) => rep.value === "v1")).toBe(true);
    const majority = capReducer(state, { type: "write", via: 4 });
    expect(majority.last.ok).toBe(true);
    expect(majority.replicas.map((rep) => rep.value)).toEqual(["v1", "v1", "v2", "v2", "v2"]);
  });

  test("AP accepts both sides, reads can be stale, and heal converges by last writer wins", () => {
    let state = run(createCapState("AP"), { type: "partition", split: 2 }, { type: "write", via: 4 }, { type: "write", via: 0 });
    state = capReducer(state, { type: "read", via: 3 });
    expect(state.last.value).toBe("v1");
    expect(state.last.text).toContain("stale");
    state = capReducer(state, { type: "heal" });
    expect(state.replicas.every((rep) => rep.value === "v2")).toBe(true);
    expect(latestValue(state)).toBe("v2");
  });

  test("CP heal copies nothing but reads see the newest version again", () => {
    const state = run(createCapState("CP", 1, 1), { type: "partition", split: 1 }, { type: "write", via: 0 }, { type: "heal" }, { type: "read", via: 4 });
    expect(state.replicas.map((rep) => rep.value)).toEqual(["v1", null, null, null, null]);
    expect(state.last.value).toBe("v1");
  });

  test("quorum settings are clamped and the overlap rule is reported", () => {
    const state = capReducer(createCapState(), { type: "quorum", w: 9, r: 0 });
    expect([state.w, state.r]).toEqual([5, 1]);
    expect(quorumsOverlap(state)).toBe(true);
    expect(quorumsOverlap({ n: 5, w: 2, r: 3 })).toBe(false);
  });

  test("the same actions give the same description (deterministic)", () => {
    const actions: CapAction[] = [{ type: "mode", mode: "AP" }, { type: "partition", split: 3 }, { type: "write", via: 4 }, { type: "read", via: 0 }];
    expect(describeCap(run(createCapState(), ...actions))).toBe(describeCap(run(createCapState(), ...actions)));
    expect(describeCap(run(createCapState(), ...actions))).toContain("Partitioned");
  });
});
