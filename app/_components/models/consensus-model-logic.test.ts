import { describe, expect, test } from "vitest";
import { createSim, describeSim, leaders, run, setPartition, step, toggleNode, TIMEOUT_MAX, type SimState } from "./consensus-model-logic";

/** Every term has at most one leader over the whole history. */
function checkSafety(states: SimState[]): void {
  const byTerm = new Map<number, number>();
  for (const state of states) {
    for (const node of leaders(state)) {
      const other = byTerm.get(node.term);
      expect(other === undefined || other === node.id, `two leaders in term ${node.term}`).toBe(true);
      byTerm.set(node.term, node.id);
    }
  }
}

function history(start: SimState, ticks: number): SimState[] {
  const out = [start];
  for (let i = 0; i < ticks; i++) out.push(step(out[out.length - 1]!));
  return out;
}

describe("consensus model logic", () => {
  test("a healthy cluster elects exactly one leader that everyone follows", () => {
    const state = run(createSim(7), 3 * TIMEOUT_MAX);
    expect(leaders(state)).toHaveLength(1);
    const leader = leaders(state)[0]!;
    expect(state.nodes.every((n) => n.term === leader.term)).toBe(true);
    expect(state.events.some((e) => e.includes("won term"))).toBe(true);
  });

  test("the same seed and clicks replay the same history", () => {
    const a = run(toggleNode(run(createSim(3), 40), 0), 40);
    const b = run(toggleNode(run(createSim(3), 40), 0), 40);
    expect(describeSim(a)).toBe(describeSim(b));
  });

  test("crashing the leader leads to a new leader in a higher term", () => {
    let state = run(createSim(11), 3 * TIMEOUT_MAX);
    const old = leaders(state)[0]!;
    state = toggleNode(state, old.id);
    state = run(state, 4 * TIMEOUT_MAX);
    const fresh = leaders(state);
    expect(fresh).toHaveLength(1);
    expect(fresh[0]!.term).toBeGreaterThan(old.term);
  });

  test("a minority never elects, and a stale leader steps down after healing", () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      let state = run(createSim(seed), 3 * TIMEOUT_MAX);
      const old = leaders(state)[0]!;
      // Put the old leader in the 2-node minority.
      const partition = old.id <= 1 ? "12" : "123";
      state = setPartition(state, partition);
      const during = history(state, 6 * TIMEOUT_MAX);
      checkSafety(during);
      state = during[during.length - 1]!;
      const majoritySide = state.nodes.filter((n) => state.side[n.id] !== state.side[old.id]);
      if (majoritySide.length >= 3) {
        expect(leaders(state).filter((n) => n.id !== old.id && n.term > old.term)).toHaveLength(1);
      }
      state = setPartition(state, "none");
      const after = history(state, 3 * TIMEOUT_MAX);
      checkSafety([...during, ...after]);
      const end = after[after.length - 1]!;
      expect(leaders(end)).toHaveLength(1);
      expect(end.nodes[old.id]!.role === "leader" ? end.nodes[old.id]!.term > old.term : true).toBe(true);
    }
  });

  test("a restarted node rejoins as a follower", () => {
    let state = run(createSim(5), 3 * TIMEOUT_MAX);
    state = toggleNode(state, 4);
    expect(state.nodes[4]!.up).toBe(false);
    state = toggleNode(run(state, 10), 4);
    expect(state.nodes[4]!.role).toBe("follower");
    expect(describeSim(state)).toContain("Tick");
  });
});
