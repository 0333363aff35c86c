import { describe, expect, test } from "vitest";
import {
  advance,
  appliedLsn,
  createReplication,
  describe as describeState,
  LAGS_MS,
  nextApplyIn,
  primaryLsn,
  promote,
  readMine,
  readPlain,
  write,
} from "./replication";

describe("writes and lag", () => {
  test("writes get lsn 1, 2, 3 and the client remembers its last one", () => {
    const state = write(write(write(createReplication())));
    expect(primaryLsn(state)).toBe(3);
    expect(state.myLsn).toBe(3);
    expect(state.log.map((entry) => entry.value)).toEqual(["v1", "v2", "v3"]);
  });

  test("a replica applies a write exactly at t + lag", () => {
    const state = write(createReplication());
    expect(appliedLsn(state, 0, LAGS_MS[0]! - 1)).toBe(0);
    expect(appliedLsn(state, 0, LAGS_MS[0]!)).toBe(1);
    expect(nextApplyIn(state, 1)).toBe(LAGS_MS[1]);
    expect(nextApplyIn(advance(state, 400), 2)).toBeNull();
  });
});

describe("reads", () => {
  test("plain reads rotate over the replicas and can be stale", () => {
    let state = advance(write(createReplication()), 60);
    state = readPlain(state);
    expect(state.lastRead).toMatchObject({ servedBy: 0, value: "v1" });
    state = readPlain(state);
    expect(state.lastRead).toMatchObject({ servedBy: 1, value: undefined, primaryValue: "v1" });
    state = readPlain(readPlain(state));
    expect(state.lastRead?.servedBy).toBe(0);
  });

  test("a read-your-writes read goes to the primary until a replica catches up", () => {
    let state = readMine(write(createReplication()));
    expect(state.lastRead).toMatchObject({ servedBy: "primary", value: "v1" });
    state = readMine(advance(state, 40));
    expect(state.lastRead).toMatchObject({ servedBy: 0, value: "v1" });
  });

  test("read-your-writes reads do not move the round robin", () => {
    let state = readPlain(write(createReplication()));
    state = readMine(readMine(state));
    state = readPlain(state);
    expect(state.lastRead?.servedBy).toBe(1);
  });
});

describe("failover", () => {
  test("promoting a lagging replica loses the writes it had not applied", () => {
    let state = write(createReplication());
    state = advance(state, 200);
    state = write(state); // at 200: replica 1 has lsn 1, not lsn 2
    state = promote(advance(state, 20), 1);
    expect(primaryLsn(state)).toBe(1);
    expect(state.lost.map((entry) => entry.lsn)).toEqual([2]);
    expect(state.serving).toEqual([true, false, true]);
    expect(appliedLsn(state, 0, 10_000)).toBe(1);
    expect(describeState(state)).toContain("1 acknowledged write was lost");
  });

  test("the next write reuses the lost lsn and the promoted replica no longer serves reads", () => {
    let state = promote(write(createReplication()), 2);
    state = write(state);
    expect(primaryLsn(state)).toBe(1);
    state = readPlain(readPlain(readPlain(state)));
    expect(state.lastRead?.servedBy).toBe(0);
  });

  test("a replica that is not serving cannot be promoted again", () => {
    const state = promote(createReplication(), 0);
    expect(promote(state, 0)).toMatchObject({ serving: state.serving, log: state.log });
  });

  test("with every replica promoted, plain reads go to the primary", () => {
    let state = write(createReplication());
    for (const i of [0, 1, 2]) state = promote(state, i);
    state = readPlain(state);
    expect(state.lastRead?.servedBy).toBe("primary");
  });

  test("the same clicks give the same text", () => {
    const run = () => describeState(readPlain(promote(advance(write(write(createReplication())), 130), 0)));
    expect(run()).toBe(run());
  });
});
