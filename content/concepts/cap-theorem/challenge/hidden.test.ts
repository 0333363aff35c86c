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

test("a replica named in no group is not joined to a listed group either", () => {
  const s = store(4, 1, 1, "AP");
  s.partition([[0], [3]]);
  s.write("k", "zero", 0);
  s.write("k", "three", 3);
  expect(s.read("k", 1)).toBeUndefined();
  expect(s.read("k", 2)).toBeUndefined();
  s.write("k", "one", 1);
  expect(s.read("k", 0)).toBe("zero");
  expect(s.read("k", 2)).toBeUndefined();
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

// ---- random histories, shrunk to a small counterexample on failure -------------------

type Op =
  | { op: "heal" }
  | { op: "partition"; groups: number[][] }
  | { op: "write"; key: string; value: string; via: number }
  | { op: "read"; key: string; via: number };

function randomOps(random: () => number, n: number, count: number, tag: string): Op[] {
  const ops: Op[] = [];
  for (let step = 0; step < count; step++) {
    const roll = randomInt(random, 0, 9);
    const key = `k${randomInt(random, 0, 2)}`;
    const via = randomInt(random, 0, n - 1);
    if (roll === 0) ops.push({ op: "heal" });
    else if (roll === 1) {
      const cut = randomInt(random, 1, n - 1);
      const ids = Array.from({ length: n }, (_, i) => i).sort(() => random() - 0.5);
      ops.push({ op: "partition", groups: [ids.slice(0, cut), ids.slice(cut)] });
    } else if (roll <= 5) ops.push({ op: "write", key, value: `${tag}-${step}`, via });
    else ops.push({ op: "read", key, via });
  }
  return ops;
}

/** One line per operation, for failure messages. */
function show(ops: Op[]): string[] {
  return ops.map((op) => {
    if (op.op === "heal") return "heal()";
    if (op.op === "partition") return `partition(${JSON.stringify(op.groups)})`;
    if (op.op === "write") return `write('${op.key}', '${op.value}', ${op.via})`;
    return `read('${op.key}', ${op.via})`;
  });
}

/** Greedily drops operations while the history still fails, so the report stays short. */
function shrink(ops: Op[], fails: (ops: Op[]) => string | null): Op[] {
  let current = ops;
  for (let i = current.length - 1; i >= 0; i--) {
    const candidate = [...current.slice(0, i), ...current.slice(i + 1)];
    if (fails(candidate) !== null) current = candidate;
  }
  return current;
}

/** Runs a CP history; returns what went wrong, or null. */
function cpViolation(n: number, w: number, r: number, ops: Op[]): string | null {
  try {
    const s = store(n, w, r, "CP");
    const latest = new Map<string, string>();
    for (const [index, op] of ops.entries()) {
      if (op.op === "heal") s.heal();
      else if (op.op === "partition") s.partition(op.groups);
      else if (op.op === "write") {
        const error = catchError(() => s.write(op.key, op.value, op.via));
        if (error === undefined) latest.set(op.key, op.value);
        else if (!(error instanceof UnavailableError)) return `op ${index} threw ${String(error)}`;
      } else {
        let got: string | undefined;
        const error = catchError(() => {
          got = s.read(op.key, op.via);
        });
        if (error !== undefined && !(error instanceof UnavailableError)) return `op ${index} threw ${String(error)}`;
        if (error === undefined && got !== latest.get(op.key)) {
          return `op ${index} read ${String(got)}, but the latest successful write is ${String(latest.get(op.key))}`;
        }
      }
    }
    return null;
  } catch (error) {
    return `threw ${String(error)}`;
  }
}

test("CP: with w + r > n every successful read returns the latest successful write (random partitions)", () => {
  const random = seededRandom(1313);
  // 50 random histories of 40 operations over every n from 3 to 7 (150 cost 3x as much and
  // rejected no mutant more).
  for (let round = 0; round < 50; round++) {
    const n = randomInt(random, 3, 7);
    const w = randomInt(random, 1, n);
    const r = randomInt(random, n - w + 1, n);
    const ops = randomOps(random, n, 40, `r${round}`);
    const problem = cpViolation(n, w, r, ops);
    if (problem === null) continue;
    const small = shrink(ops, (candidate) => cpViolation(n, w, r, candidate));
    // Shows the smallest failing history found.
    const history = show(small);
    expect({ n, w, r, history, problem: cpViolation(n, w, r, small) }).toEqual({ n, w, r, history, problem: null });
  }
});

/** Runs an AP history against a reference model; returns the first disagreement, or null. */
function apDisagreement(n: number, ops: Op[]): string | null {
  try {
    const s = store(n, 1, 1, "AP");
    const data = Array.from({ length: n }, () => new Map<string, [string, number]>());
    let group = new Array<number>(n).fill(0);
    let version = 0;
    const reach = (via: number) => data.filter((_, i) => group[i] === group[via]);
    for (const [index, op] of ops.entries()) {
      if (op.op === "heal") {
        s.heal();
        group = new Array<number>(n).fill(0);
        for (const key of ["k0", "k1", "k2"]) {
          let best: [string, number] | undefined;
          for (const d of data) {
            const e = d.get(key);
            if (e && (!best || e[1] > best[1])) best = e;
          }
          if (best) for (const d of data) d.set(key, best);
        }
      } else if (op.op === "partition") {
        s.partition(op.groups);
        group = new Array<number>(n).fill(-1);
        op.groups.forEach((members, g) => members.forEach((id) => (group[id] = g)));
      } else if (op.op === "write") {
        s.write(op.key, op.value, op.via);
        version++;
        for (const d of reach(op.via)) d.set(op.key, [op.value, version]);
      } else {
        let best: [string, number] | undefined;
        for (const d of reach(op.via)) {
          const e = d.get(op.key);
          if (e && (!best || e[1] > best[1])) best = e;
        }
        const got = s.read(op.key, op.via);
        if (got !== best?.[0]) return `op ${index} read ${String(got)}, expected ${String(best?.[0])}`;
      }
    }
    return null;
  } catch (error) {
    return `threw ${String(error)}`;
  }
}

test("AP: matches a reference model over random partitions, writes, reads and heals", () => {
  const random = seededRandom(4242);
  // 35 random histories of 40 operations over every n from 2 to 6 (100 cost 3x as much and
  // rejected no mutant more).
  for (let round = 0; round < 35; round++) {
    const n = randomInt(random, 2, 6);
    const ops = randomOps(random, n, 40, `a${round}`);
    if (apDisagreement(n, ops) === null) continue;
    const small = shrink(ops, (candidate) => apDisagreement(n, candidate));
    // Shows the smallest failing history found.
    const history = show(small);
    expect({ n, history, problem: apDisagreement(n, small) }).toEqual({ n, history, problem: null });
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
