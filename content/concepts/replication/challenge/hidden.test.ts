import { catchError, createClock, expect, randomInt, seededRandom, test } from "@blueprint/test";
import { ReplicatedStore } from "./solution";

// ---- writes and lag -------------------------------------------------------------

test("writes: lsn counts 1, 2, 3 on the primary", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 1, lagMs: [10], now: clock.now });
  // The key doubles as the canary the build test looks for in client bundles.
  expect(store.write("hidden-canary:replication", "a")).toEqual({ lsn: 1 });
  expect(store.write("k", "b")).toEqual({ lsn: 2 });
  expect(store.write("hidden-canary:replication", "c")).toEqual({ lsn: 3 });
});

test("lag: a write made at t is applied from t + lag, not 1 ms earlier", () => {
  const clock = createClock(1_000);
  const store = new ReplicatedStore({ replicas: 1, lagMs: [250], now: clock.now });
  store.write("k", "v");
  clock.set(1_249);
  expect(store.replicaLsn(0)).toBe(0);
  expect(store.read("k")).toEqual({ value: undefined, servedBy: 0 });
  clock.set(1_250);
  expect(store.replicaLsn(0)).toBe(1);
  expect(store.read("k")).toEqual({ value: "v", servedBy: 0 });
});

test("lag: a replica with lag 0 has every write at once", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 1, lagMs: [0], now: clock.now });
  store.write("k", "v1");
  store.write("k", "v2");
  expect(store.replicaLsn(0)).toBe(2);
  expect(store.read("k")).toEqual({ value: "v2", servedBy: 0 });
});

test("lag: each replica has its own lag and applies writes in lsn order", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 3, lagMs: [100, 200, 1_000], now: clock.now });
  store.write("a", "1"); // t = 0
  clock.set(50);
  store.write("b", "2"); // t = 50
  clock.set(120);
  store.write("c", "3"); // t = 120
  expect([store.replicaLsn(0), store.replicaLsn(1), store.replicaLsn(2)]).toEqual([1, 0, 0]);
  clock.set(150);
  expect([store.replicaLsn(0), store.replicaLsn(1), store.replicaLsn(2)]).toEqual([2, 0, 0]);
  clock.set(250);
  expect([store.replicaLsn(0), store.replicaLsn(1), store.replicaLsn(2)]).toEqual([3, 2, 0]);
  clock.set(1_120);
  expect([store.replicaLsn(0), store.replicaLsn(1), store.replicaLsn(2)]).toEqual([3, 3, 3]);
});

test("reads: a replica answers with the value as of its applied lsn", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 1, lagMs: [100], now: clock.now });
  store.write("city", "Lima");
  clock.set(60);
  store.write("city", "Oslo");
  clock.set(100); // lsn 1 applied, lsn 2 arrives at 160
  expect(store.read("city")).toEqual({ value: "Lima", servedBy: 0 });
  clock.set(160);
  expect(store.read("city")).toEqual({ value: "Oslo", servedBy: 0 });
});

test("reads: a key never written is undefined everywhere", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 1, lagMs: [0], now: clock.now });
  store.write("a", "1");
  expect(store.read("b")).toEqual({ value: undefined, servedBy: 0 });
  expect(store.read("b", { minLsn: 5 })).toEqual({ value: undefined, servedBy: "primary" });
});

// ---- round robin ----------------------------------------------------------------

test("round robin: the first read goes to replica 0, then 1, 2, and wraps to 0", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 3, lagMs: [5, 5, 5], now: clock.now });
  const servedBy = [];
  for (let i = 0; i < 7; i++) servedBy.push(store.read("k").servedBy);
  expect(servedBy).toEqual([0, 1, 2, 0, 1, 2, 0]);
});

test("round robin: with no replicas every read goes to the primary, fresh", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 0, lagMs: [], now: clock.now });
  store.write("k", "v");
  expect(store.read("k")).toEqual({ value: "v", servedBy: "primary" });
  expect(store.read("k")).toEqual({ value: "v", servedBy: "primary" });
  expect(store.read("k", { minLsn: 1 })).toEqual({ value: "v", servedBy: "primary" });
});

test("round robin: an empty options object is a plain read", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 2, lagMs: [5, 5], now: clock.now });
  expect(store.read("k", {}).servedBy).toBe(0);
  expect(store.read("k", {}).servedBy).toBe(1);
  expect(store.read("k").servedBy).toBe(0);
});

// ---- read-your-writes -----------------------------------------------------------

test("minLsn: goes to the primary while no replica has caught up", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 2, lagMs: [100, 200], now: clock.now });
  const { lsn } = store.write("k", "mine");
  clock.set(99);
  expect(store.read("k", { minLsn: lsn })).toEqual({ value: "mine", servedBy: "primary" });
});

test("minLsn: picks the lowest-numbered caught-up replica, not the freshest", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 3, lagMs: [500, 100, 0], now: clock.now });
  store.write("k", "1");
  clock.set(10);
  store.write("k", "2");
  clock.set(110); // replica 1 has lsn 2, replica 2 has lsn 2, replica 0 has 0
  expect(store.read("k", { minLsn: 1 })).toEqual({ value: "2", servedBy: 1 });
  expect(store.read("k", { minLsn: 2 })).toEqual({ value: "2", servedBy: 1 });
  clock.set(500); // replica 0 has lsn 1 now
  expect(store.read("k", { minLsn: 1 })).toEqual({ value: "1", servedBy: 0 });
});

test("minLsn: reads with minLsn do not move the round robin", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 3, lagMs: [0, 0, 0], now: clock.now });
  store.write("k", "v");
  expect(store.read("k").servedBy).toBe(0);
  expect(store.read("k", { minLsn: 1 }).servedBy).toBe(0);
  expect(store.read("k", { minLsn: 1 }).servedBy).toBe(0);
  expect(store.read("k").servedBy).toBe(1);
  expect(store.read("k", { minLsn: 9 }).servedBy).toBe("primary");
  expect(store.read("k").servedBy).toBe(2);
});

test("minLsn: 0 is a minimum like any other and does not move the round robin", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 2, lagMs: [1_000, 1_000], now: clock.now });
  store.write("k", "v");
  expect(store.read("k", { minLsn: 0 })).toEqual({ value: undefined, servedBy: 0 });
  expect(store.read("k", { minLsn: 0 })).toEqual({ value: undefined, servedBy: 0 });
  expect(store.read("k").servedBy).toBe(0);
});

test("minLsn: above every lsn written, the primary answers", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 1, lagMs: [0], now: clock.now });
  store.write("k", "v");
  expect(store.read("k", { minLsn: 2 })).toEqual({ value: "v", servedBy: "primary" });
});

// ---- errors ---------------------------------------------------------------------

test("replicaLsn: an index that is not a replica throws RangeError", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 2, lagMs: [0, 0], now: clock.now });
  for (const i of [-1, 2, 7, 0.5, Number.NaN]) expect(catchError(() => store.replicaLsn(i))).toBeInstanceOf(RangeError);
});

test("promote: an index that is not a replica throws RangeError and changes nothing", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 2, lagMs: [0, 0], now: clock.now });
  store.write("k", "v");
  for (const i of [-1, 2, 1.5]) expect(catchError(() => store.promote(i))).toBeInstanceOf(RangeError);
  expect(store.write("k", "w")).toEqual({ lsn: 2 });
  expect(store.replicaLsn(0)).toBe(2);
  expect(store.replicaLsn(1)).toBe(2);
});

// ---- failover -------------------------------------------------------------------

test("promote: the promoted replica stops serving as a replica", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 3, lagMs: [0, 0, 0], now: clock.now });
  store.promote(1);
  expect(catchError(() => store.replicaLsn(1))).toBeInstanceOf(RangeError);
  expect(catchError(() => store.promote(1))).toBeInstanceOf(RangeError);
  const servedBy = [];
  for (let i = 0; i < 4; i++) servedBy.push(store.read("k").servedBy);
  expect(servedBy).toEqual([0, 2, 0, 2]);
});

test("promote: the new primary has exactly what it had applied", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 2, lagMs: [100, 0], now: clock.now });
  store.write("a", "1");
  clock.set(50);
  store.write("a", "2");
  store.write("b", "3");
  clock.set(120); // replica 0 has lsn 1 only
  store.promote(0);
  expect(store.read("a", { minLsn: 99 })).toEqual({ value: "1", servedBy: "primary" });
  expect(store.read("b", { minLsn: 99 })).toEqual({ value: undefined, servedBy: "primary" });
});

test("promote: the next write continues from the new primary's lsn", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 2, lagMs: [100, 0], now: clock.now });
  store.write("a", "1");
  clock.set(50);
  store.write("a", "2");
  store.write("a", "3");
  clock.set(120);
  store.promote(0); // it had lsn 1
  expect(store.write("a", "4")).toEqual({ lsn: 2 });
  expect(store.write("a", "5")).toEqual({ lsn: 3 });
});

test("promote: a replica ahead of the new primary drops the writes above its lsn", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 2, lagMs: [100, 0], now: clock.now });
  store.write("a", "1");
  clock.set(50);
  store.write("a", "2");
  clock.set(120);
  expect(store.replicaLsn(1)).toBe(2);
  store.promote(0);
  expect(store.replicaLsn(1)).toBe(1);
  expect(store.read("a")).toEqual({ value: "1", servedBy: 1 });
});

test("promote: lost writes never reach the other replicas, even later", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 3, lagMs: [10, 300, 300], now: clock.now });
  store.write("a", "1");
  clock.set(5);
  store.write("a", "2"); // replica 0 would apply it at 15
  store.promote(0); // at 5 replica 0 has nothing at all
  clock.set(1_000);
  expect(store.replicaLsn(1)).toBe(0);
  expect(store.replicaLsn(2)).toBe(0);
  expect(store.read("a")).toEqual({ value: undefined, servedBy: 1 });
  expect(store.write("a", "3")).toEqual({ lsn: 1 });
});

test("promote: writes a replica had not applied yet keep their original schedule", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 2, lagMs: [20, 200], now: clock.now });
  store.write("a", "1"); // applies on replica 1 at 200
  clock.set(50);
  store.promote(0); // replica 0 had lsn 1; replica 1 has nothing yet
  clock.set(199);
  expect(store.replicaLsn(1)).toBe(0);
  clock.set(200); // not 50 + 200
  expect(store.replicaLsn(1)).toBe(1);
  expect(store.read("a", { minLsn: 1 })).toEqual({ value: "1", servedBy: 1 });
});

test("promote: the other replicas follow the new primary with their own lag", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 3, lagMs: [0, 40, 90], now: clock.now });
  store.write("a", "1");
  clock.set(100);
  store.promote(0);
  clock.set(200);
  expect(store.write("a", "2")).toEqual({ lsn: 2 });
  clock.set(239);
  expect([store.replicaLsn(1), store.replicaLsn(2)]).toEqual([1, 1]);
  clock.set(240);
  expect([store.replicaLsn(1), store.replicaLsn(2)]).toEqual([2, 1]);
  clock.set(290);
  expect([store.replicaLsn(1), store.replicaLsn(2)]).toEqual([2, 2]);
  expect(store.read("a", { minLsn: 2 })).toEqual({ value: "2", servedBy: 1 });
});

test("promote: the round robin carries on after the index that served last", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 4, lagMs: [0, 0, 0, 0], now: clock.now });
  expect(store.read("k").servedBy).toBe(0);
  expect(store.read("k").servedBy).toBe(1);
  store.promote(1);
  expect(store.read("k").servedBy).toBe(2);
  store.promote(3);
  expect(store.read("k").servedBy).toBe(0);
  expect(store.read("k").servedBy).toBe(2);
});

test("promote: once every replica is promoted, the primary serves every read", () => {
  const clock = createClock(0);
  const store = new ReplicatedStore({ replicas: 2, lagMs: [0, 0], now: clock.now });
  store.write("k", "v");
  store.promote(0);
  store.promote(1);
  expect(store.read("k")).toEqual({ value: "v", servedBy: "primary" });
  expect(store.read("k", { minLsn: 1 })).toEqual({ value: "v", servedBy: "primary" });
  expect(store.write("k", "w")).toEqual({ lsn: 2 });
  expect(store.read("k")).toEqual({ value: "w", servedBy: "primary" });
});

// ---- a long random run against a model ------------------------------------------

interface ModelWrite {
  lsn: number;
  key: string;
  value: string;
  at: number;
}

test("a random run of writes, reads, waits and failovers matches the rules", () => {
  const random = seededRandom(7007);
  // 12 random rounds: each rule has its own test above; this looks for what breaks in between.
  for (let round = 0; round < 12; round++) {
    const replicas = randomInt(random, 1, 4);
    const lagMs = Array.from({ length: replicas }, () => randomInt(random, 0, 60));
    const clock = createClock(randomInt(random, 0, 1_000));
    const store = new ReplicatedStore({ replicas, lagMs, now: clock.now });
    let writes: ModelWrite[] = [];
    const serving = Array.from({ length: replicas }, () => true);
    let last = -1;
    const applied = (i: number): number => {
      let lsn = 0;
      for (const w of writes) if (clock.now() >= w.at + lagMs[i]!) lsn = w.lsn;
      return lsn;
    };
    const valueAt = (key: string, lsn: number): string | undefined => {
      let value: string | undefined;
      for (const w of writes) if (w.lsn <= lsn && w.key === key) value = w.value;
      return value;
    };
    const primaryLsn = () => (writes.length === 0 ? 0 : writes[writes.length - 1]!.lsn);
    for (let step = 0; step < 120; step++) {
      const roll = random();
      const key = ["a", "b", "c"][randomInt(random, 0, 2)]!;
      const where = `round ${round} step ${step}`;
      if (roll < 0.3) {
        const lsn = primaryLsn() + 1;
        const value = `v${step}`;
        writes.push({ lsn, key, value, at: clock.now() });
        expect([where, store.write(key, value)]).toEqual([where, { lsn }]);
      } else if (roll < 0.5) {
        clock.advance(randomInt(random, 0, 40));
      } else if (roll < 0.7) {
        let next = -1;
        for (let i = 0; i < replicas; i++) if (serving[i] && i > last) { next = i; break; }
        if (next < 0) next = serving.indexOf(true);
        const expected =
          next < 0 ? { value: valueAt(key, primaryLsn()), servedBy: "primary" as const } : { value: valueAt(key, applied(next)), servedBy: next };
        if (next >= 0) last = next;
        expect([where, store.read(key)]).toEqual([where, expected]);
      } else if (roll < 0.9) {
        const minLsn = randomInt(random, 0, primaryLsn() + 1);
        let expected: { value: string | undefined; servedBy: "primary" | number } = { value: valueAt(key, primaryLsn()), servedBy: "primary" };
        for (let i = 0; i < replicas; i++) {
          if (serving[i] && applied(i) >= minLsn) {
            expected = { value: valueAt(key, applied(i)), servedBy: i };
            break;
          }
        }
        expect([where, store.read(key, { minLsn })]).toEqual([where, expected]);
      } else if (roll < 0.95) {
        const i = randomInt(random, 0, replicas - 1);
        if (serving[i]) expect([where, store.replicaLsn(i)]).toEqual([where, applied(i)]);
        else expect([where, catchError(() => store.replicaLsn(i)) instanceof RangeError]).toEqual([where, true]);
      } else {
        const i = randomInt(random, 0, replicas - 1);
        if (!serving[i]) {
          expect([where, catchError(() => store.promote(i)) instanceof RangeError]).toEqual([where, true]);
          continue;
        }
        const keep = applied(i);
        writes = writes.filter((w) => w.lsn <= keep);
        serving[i] = false;
        store.promote(i);
      }
    }
  }
});
