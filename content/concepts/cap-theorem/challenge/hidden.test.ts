import { catchError, expect, randomInt, seededRandom, test } from "@blueprint/test";
import { QuorumStore, UnavailableError } from "./solution";

type Mode = "CP" | "AP";
const store = (n: number, w: number, r: number, mode: Mode) => new QuorumStore({ n, w, r, mode });

// ---- the healthy cluster ---------------------------------------------------------

test("healthy: a write through one replica is read through any other", () => {
  const s = store(5, 3, 3, "CP");
  // The key doubles as the canary the build test looks for in client bundles.
  s.write("hidden-canary:cap-theorem", "v1", 4);
  for (let via = 0; via < 5; via++) expect(s.read("hidden-canary:cap-theorem", via)).toBe("v1");
});

test("healthy: the latest write to a key wins and keys are independent", () => {
  const s = store(3, 2, 2, "AP");
  s.write("a", "1", 0);
  s.write("b", "x", 1);
  s.write("a", "2", 2);
  expect(s.read("a", 1)).toBe("2");
  expect(s.read("b", 0)).toBe("x");
});

test("a key never written reads as undefined", () => {
  const s = store(3, 2, 2, "CP");
  s.write("other", "1", 0);
  expect(s.read("nothing", 2)).toBeUndefined();
});

test("a write lands on every reachable replica, not only the one it entered", () => {
  const s = store(3, 1, 1, "CP");
  s.write("k", "v", 0);
  s.partition([[0], [1, 2]]);
  expect(s.read("k", 2)).toBe("v");
  expect(s.read("k", 1)).toBe("v");
});

// ---- CP ----------------------------------------------------------------------------

test("CP: a write succeeds with exactly w reachable replicas", () => {
  const s = store(5, 3, 3, "CP");
  s.partition([[0, 1, 2], [3, 4]]);
  s.write("k", "v", 2);
  expect(s.read("k", 0)).toBe("v");
});

test("CP: a write with fewer than w reachable replicas throws UnavailableError", () => {
  const s = store(5, 3, 3, "CP");
  s.partition([[0, 1, 2], [3, 4]]);
  const error = catchError(() => s.write("k", "v", 4));
  expect(error).toBeInstanceOf(UnavailableError);
  expect((error as Error).name).toBe("UnavailableError");
});

test("CP: a refused write changes nothing, not even on the replicas it reached", () => {
  const s = store(3, 2, 2, "CP");
  s.write("k", "old", 0);
  s.partition([[0], [1, 2]]);
  expect(() => s.write("k", "new", 0)).toThrow(UnavailableError);
  s.heal();
  for (let via = 0; via < 3; via++) expect(s.read("k", via)).toBe("old");
});

test("CP: a read needs r reachable replicas", () => {
  const s = store(5, 3, 3, "CP");
  s.write("k", "v", 0);
  s.partition([[0, 1], [2, 3, 4]]);
  expect(() => s.read("k", 1)).toThrow(UnavailableError);
  expect(s.read("k", 3)).toBe("v");
});

test("CP: a read without a quorum throws even for a key never written", () => {
  const s = store(3, 2, 2, "CP");
  s.partition([[0, 1], [2]]);
  expect(() => s.read("nothing", 2)).toThrow(UnavailableError);
  expect(s.read("nothing", 0)).toBeUndefined();
});

test("CP: w and r are checked separately (write-all, read-one)", () => {
  const s = store(3, 3, 1, "CP");
  s.write("k", "v", 1);
  s.partition([[0, 1], [2]]);
  expect(() => s.write("k", "w", 0)).toThrow(UnavailableError);
  expect(s.read("k", 2)).toBe("v");
  expect(s.read("k", 0)).toBe("v");
});

test("CP: with w + r <= n a successful read can be stale", () => {
  const s = store(3, 1, 1, "CP");
  s.write("k", "old", 0);
  s.partition([[0], [1, 2]]);
  s.write("k", "new", 0);
  expect(s.read("k", 1)).toBe("old");
  expect(s.read("k", 0)).toBe("new");
});

test("CP: a read returns the highest version among reachable replicas, not the local copy", () => {
  const s = store(3, 1, 1, "CP");
  s.write("k", "v1", 0);
  s.partition([[0], [1, 2]]);
  s.write("k", "v2", 1); // lands on 1 and 2 only
  s.heal();
  s.partition([[0, 1], [2]]);
  expect(s.read("k", 0)).toBe("v2");
  s.heal();
  s.partition([[2], [0, 1]]);
  expect(s.read("k", 2)).toBe("v2");
});

test("CP: a lower replica id does not beat a higher version", () => {
  const s = store(3, 1, 1, "CP");
  s.partition([[2], [0, 1]]);
  s.write("k", "first", 0);
  s.write("k", "second", 2);
  s.heal();
  expect(s.read("k", 0)).toBe("second");
  expect(s.read("k", 1)).toBe("second");
});

test("CP: heal restores connectivity but does not copy data between replicas", () => {
  const s = store(3, 1, 1, "CP");
  s.write("k", "old", 1);
  s.partition([[0], [1, 2]]);
  s.write("k", "new", 0);
  s.heal();
  expect(s.read("k", 2)).toBe("new"); // reaches replica 0 again
  s.partition([[0], [1, 2]]);
  expect(s.read("k", 1)).toBe("old"); // replicas 1 and 2 never received it
});

test("CP: with w + r > n every successful read returns the latest successful write (random partitions)", () => {
  const random = seededRandom(1313);
  for (let round = 0; round < 150; round++) {
    const n = randomInt(random, 3, 7);
    const w = randomInt(random, 1, n);
    const r = randomInt(random, n - w + 1, n);
    const s = store(n, w, r, "CP");
    const latest = new Map<string, string>();
    for (let step = 0; step < 40; step++) {
      const op = randomInt(random, 0, 9);
      const key = `k${randomInt(random, 0, 2)}`;
      const via = randomInt(random, 0, n - 1);
      if (op === 0) s.heal();
      else if (op === 1) {
        const cut = randomInt(random, 1, n - 1);
        const ids = Array.from({ length: n }, (_, i) => i).sort(() => random() - 0.5);
        s.partition([ids.slice(0, cut), ids.slice(cut)]);
      } else if (op <= 5) {
        const value = `r${round}s${step}`;
        const error = catchError(() => s.write(key, value, via));
        if (error === undefined) latest.set(key, value);
        else expect(error).toBeInstanceOf(UnavailableError);
      } else {
        let got: string | undefined;
        const error = catchError(() => {
          got = s.read(key, via);
        });
        if (error === undefined) expect(got).toBe(latest.get(key));
        else expect(error).toBeInstanceOf(UnavailableError);
      }
    }
  }
});

// ---- partitions --------------------------------------------------------------------

test("a replica named in no group is alone", () => {
  const s = store(5, 1, 1, "CP");
  s.write("k", "old", 0);
  s.partition([[0, 1], [2, 3]]);
  s.write("k", "lonely", 4);
  expect(s.read("k", 4)).toBe("lonely");
  expect(s.read("k", 0)).toBe("old");
  expect(s.read("k", 3)).toBe("old");
});

test("replicas named in no group do not form a group together", () => {
  const s = store(5, 2, 2, "CP");
  s.partition([[0, 1, 2]]);
  expect(() => s.write("k", "v", 3)).toThrow(UnavailableError);
  expect(() => s.read("k", 4)).toThrow(UnavailableError);
  s.write("k", "v", 1);
  expect(s.read("k", 2)).toBe("v");
});

test("a partition into many groups isolates each group", () => {
  const s = store(6, 2, 1, "CP");
  s.partition([[0, 1], [2, 3], [4, 5]]);
  s.write("k", "a", 0);
  s.write("k", "b", 3);
  expect(s.read("k", 1)).toBe("a");
  expect(s.read("k", 2)).toBe("b");
  expect(s.read("k", 5)).toBeUndefined();
});

// ---- AP ----------------------------------------------------------------------------

test("AP: writes and reads succeed even on an isolated replica", () => {
  const s = store(5, 3, 3, "AP");
  s.partition([[0, 1, 2, 3], [4]]);
  s.write("k", "v", 4);
  expect(s.read("k", 4)).toBe("v");
  expect(s.read("k", 0)).toBeUndefined();
});

test("AP: each side of a partition reads its own latest write", () => {
  const s = store(4, 2, 2, "AP");
  s.write("k", "base", 0);
  s.partition([[0, 1], [2, 3]]);
  s.write("k", "left", 1);
  s.write("k", "right", 3);
  expect(s.read("k", 0)).toBe("left");
  expect(s.read("k", 2)).toBe("right");
});

test("AP: heal converges every replica to the latest write (later write on the higher ids)", () => {
  const s = store(4, 2, 2, "AP");
  s.partition([[0, 1], [2, 3]]);
  s.write("k", "early", 0);
  s.write("k", "late", 3);
  s.heal();
  s.partition([[0], [1], [2], [3]]);
  for (let via = 0; via < 4; via++) expect(s.read("k", via)).toBe("late");
});

test("AP: heal converges every replica to the latest write (later write on the lower ids)", () => {
  const s = store(4, 2, 2, "AP");
  s.partition([[0, 1], [2, 3]]);
  s.write("k", "early", 3);
  s.write("k", "late", 0);
  s.heal();
  s.partition([[0], [1], [2], [3]]);
  for (let via = 0; via < 4; via++) expect(s.read("k", via)).toBe("late");
});

test("AP: versions come from one store-wide counter, so the side with more writes does not win", () => {
  const s = store(3, 2, 2, "AP");
  s.partition([[0, 1], [2]]);
  s.write("k", "a1", 0);
  s.write("k", "a2", 1);
  s.write("k", "a3", 0);
  s.write("k", "b1", 2); // one write, but the latest
  s.heal();
  s.partition([[0], [1], [2]]);
  expect(s.read("k", 0)).toBe("b1");
  expect(s.read("k", 1)).toBe("b1");
});

test("AP: heal converges each key on its own and fills keys a side never saw", () => {
  const s = store(4, 2, 2, "AP");
  s.partition([[0, 1], [2, 3]]);
  s.write("a", "left-a", 0);
  s.write("b", "right-b", 2);
  s.write("a", "right-a", 3);
  s.write("b", "left-b", 1);
  s.write("only-left", "x", 1);
  s.heal();
  s.partition([[0, 1], [2, 3]]);
  expect(s.read("a", 0)).toBe("right-a");
  expect(s.read("b", 3)).toBe("left-b");
  expect(s.read("only-left", 2)).toBe("x");
});

test("AP: without heal, replicas that missed a write stay stale", () => {
  const s = store(3, 2, 2, "AP");
  s.write("k", "old", 0);
  s.partition([[0], [1, 2]]);
  s.write("k", "new", 0);
  s.partition([[0, 1], [2]]);
  s.partition([[0], [1, 2]]);
  expect(s.read("k", 2)).toBe("old");
});

test("AP: matches a reference model over random partitions, writes, reads and heals", () => {
  const random = seededRandom(4242);
  for (let round = 0; round < 100; round++) {
    const n = randomInt(random, 2, 6);
    const s = store(n, randomInt(random, 1, n), randomInt(random, 1, n), "AP");
    // The reference: per replica, per key, [value, version]; group per replica.
    const data = Array.from({ length: n }, () => new Map<string, [string, number]>());
    let group = new Array<number>(n).fill(0);
    let version = 0;
    const reach = (via: number) => data.filter((_, i) => group[i] === group[via]);
    for (let step = 0; step < 40; step++) {
      const op = randomInt(random, 0, 9);
      const key = `k${randomInt(random, 0, 2)}`;
      const via = randomInt(random, 0, n - 1);
      if (op === 0) {
        s.heal();
        group = new Array<number>(n).fill(0);
        for (const k of ["k0", "k1", "k2"]) {
          let best: [string, number] | undefined;
          for (const d of data) {
            const e = d.get(k);
            if (e && (!best || e[1] > best[1])) best = e;
          }
          if (best) for (const d of data) d.set(k, best);
        }
      } else if (op === 1) {
        const cut = randomInt(random, 1, n - 1);
        const ids = Array.from({ length: n }, (_, i) => i).sort(() => random() - 0.5);
        s.partition([ids.slice(0, cut), ids.slice(cut)]);
        group = new Array<number>(n).fill(0);
        for (const id of ids.slice(cut)) group[id] = 1;
      } else if (op <= 5) {
        const value = `r${round}s${step}`;
        s.write(key, value, via);
        version++;
        for (const d of reach(via)) d.set(key, [value, version]);
      } else {
        let best: [string, number] | undefined;
        for (const d of reach(via)) {
          const e = d.get(key);
          if (e && (!best || e[1] > best[1])) best = e;
        }
        expect(s.read(key, via)).toBe(best?.[0]);
      }
    }
  }
});

// ---- replica ids -------------------------------------------------------------------

test("via outside 0..n-1 throws RangeError for reads and writes in both modes", () => {
  for (const mode of ["CP", "AP"] as const) {
    const s = store(3, 2, 2, mode);
    expect(() => s.write("k", "v", 3)).toThrow(RangeError);
    expect(() => s.write("k", "v", -1)).toThrow(RangeError);
    expect(() => s.read("k", 3)).toThrow(RangeError);
    expect(() => s.read("k", -1)).toThrow(RangeError);
  }
});

test("a bad via is a RangeError even where a quorum is missing, and stores nothing", () => {
  const s = store(3, 3, 3, "CP");
  s.partition([[0], [1], [2]]);
  expect(() => s.write("k", "v", 7)).toThrow(RangeError);
  s.heal();
  expect(s.read("k", 0)).toBeUndefined();
});
