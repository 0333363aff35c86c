import { createClock, expect, test } from "@blueprint/test";
import { ReplicatedStore } from "./solution";

test("writes get lsn 1, 2, 3 and replicas apply them after their lag", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 2, lagMs: [100, 300], now: clock.now });
  expect(store.write("name", "ada")).toEqual({ lsn: 1 });
  expect(store.write("name", "grace")).toEqual({ lsn: 2 });
  expect(store.replicaLsn(0)).toBe(0);
  clock.set(100); // a write at t applies at t + lag, so exactly now
  expect(store.replicaLsn(0)).toBe(2);
  expect(store.replicaLsn(1)).toBe(0);
});

test("plain reads go round-robin over the replicas and may be stale", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 2, lagMs: [0, 500], now: clock.now });
  store.write("name", "ada");
  expect(store.read("name")).toEqual({ value: "ada", servedBy: 0 });
  expect(store.read("name")).toEqual({ value: undefined, servedBy: 1 });
  expect(store.read("name")).toEqual({ value: "ada", servedBy: 0 });
});

test("a read with minLsn sees your own write", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 2, lagMs: [400, 100], now: clock.now });
  const { lsn } = store.write("bio", "hello");
  expect(store.read("bio", { minLsn: lsn })).toEqual({ value: "hello", servedBy: "primary" });
  clock.set(100);
  expect(store.read("bio", { minLsn: lsn })).toEqual({ value: "hello", servedBy: 1 });
});

test("promote loses the writes the new primary had not applied", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 2, lagMs: [100, 100], now: clock.now });
  store.write("x", "1");
  clock.set(50);
  store.write("x", "2");
  clock.set(100); // replica 0 has lsn 1; lsn 2 arrives at 150
  store.promote(0);
  expect(store.write("x", "3")).toEqual({ lsn: 2 }); // lsn 2 is reused: the old lsn 2 is gone
  clock.set(150); // replica 1 would have applied the old lsn 2 now, but it was dropped
  expect(store.replicaLsn(1)).toBe(1);
  expect(store.read("x")).toEqual({ value: "1", servedBy: 1 });
});
