import { createClock, createTimers, expect, randomInt, seededRandom, settle, test } from "@blueprint/test";
import { Pool, PoolTimeoutError } from "./solution";

// ---- helpers --------------------------------------------------------------------

const CANARY = "hidden-canary:connection-pool";

interface Conn {
  id: number;
  tag: string;
}

interface Outcome<T> {
  status: "pending" | "resolved" | "rejected";
  value?: T;
  error?: unknown;
}

/** Starts an acquire and records how it settles, never awaiting it (a wrong pool may never answer). */
function track<T>(start: () => Promise<T>): Outcome<T> {
  const outcome: Outcome<T> = { status: "pending" };
  try {
    start().then(
      (value) => {
        outcome.status = "resolved";
        outcome.value = value;
      },
      (error: unknown) => {
        outcome.status = "rejected";
        outcome.error = error;
      },
    );
  } catch (error) {
    outcome.status = "rejected";
    outcome.error = error;
  }
  return outcome;
}

interface Setup {
  min?: number;
  max?: number;
  acquireTimeoutMs?: number;
  idleTimeoutMs?: number;
  maxLifetimeMs?: number;
  manualCreate?: boolean;
  validate?: (c: Conn) => boolean;
}

function setup(options: Setup = {}) {
  const clock = createClock(1_000);
  const timers = createTimers(clock);
  const log = { created: 0, destroyed: [] as number[], validated: [] as number[] };
  const finishCreate: Array<() => void> = [];
  const create = (): Promise<Conn> => {
    const c = { id: ++log.created, tag: CANARY };
    if (!options.manualCreate) return Promise.resolve(c);
    return new Promise<Conn>((resolve) => finishCreate.push(() => resolve(c)));
  };
  const destroy = async (c: Conn) => {
    log.destroyed.push(c.id);
  };
  const validateOption = options.validate;
  const pool = new Pool<Conn>({
    create,
    destroy,
    ...(validateOption
      ? {
          validate: async (c: Conn) => {
            log.validated.push(c.id);
            return validateOption(c);
          },
        }
      : {}),
    min: options.min ?? 0,
    max: options.max ?? 2,
    acquireTimeoutMs: options.acquireTimeoutMs ?? 1000,
    idleTimeoutMs: options.idleTimeoutMs ?? 10_000,
    maxLifetimeMs: options.maxLifetimeMs ?? 60_000,
    now: clock.now,
    // Only setTimeout and clearTimeout: advance() is the test's, not the pool's.
    timers: timers.forLearner,
  });
  /** Resolves the oldest unfinished create(). */
  const completeCreate = () => finishCreate.shift()?.();
  return { pool, clock, timers, log, completeCreate };
}

/** Acquires and waits for the answer without risking a hang. */
async function take(pool: Pool<Conn>): Promise<Conn> {
  const outcome = track(() => pool.acquire());
  await settle();
  if (outcome.status !== "resolved" || !outcome.value) throw new Error(`acquire() did not resolve at once (it is ${outcome.status})`);
  return outcome.value;
}

function isTimeout(error: unknown): boolean {
  return error instanceof PoolTimeoutError && (error as Error).name === "PoolTimeoutError";
}

// ---- creation and reuse --------------------------------------------------------------

test("nothing is created until the first acquire", async () => {
  const { pool, log } = setup({ min: 2 });
  await settle();
  expect(log.created).toBe(0);
  expect(pool.stats()).toEqual({ total: 0, idle: 0, borrowed: 0, waiting: 0 });
});

test("acquire creates a connection and lends it", async () => {
  const { pool, log } = setup();
  const c = await take(pool);
  expect(c.tag).toBe(CANARY);
  expect(log.created).toBe(1);
  expect(pool.stats()).toEqual({ total: 1, idle: 0, borrowed: 1, waiting: 0 });
});

test("a released connection is idle and reused by the next acquire", async () => {
  const { pool, log } = setup();
  const c = await take(pool);
  pool.release(c);
  expect(pool.stats()).toEqual({ total: 1, idle: 1, borrowed: 0, waiting: 0 });
  const again = await take(pool);
  expect(again).toBe(c);
  expect(log.created).toBe(1);
});

test("a new connection is created only when none is idle", async () => {
  const { pool, log } = setup({ max: 3 });
  const a = await take(pool);
  const b = await take(pool);
  expect(a).not.toBe(b);
  pool.release(a);
  await take(pool);
  expect(log.created).toBe(2);
});

// ---- max and the queue -----------------------------------------------------------------

test("never more than max connections exist", async () => {
  const { pool, log } = setup({ max: 3 });
  const outcomes = [0, 1, 2, 3, 4].map(() => track(() => pool.acquire()));
  await settle();
  expect(log.created).toBe(3);
  expect(outcomes.filter((o) => o.status === "resolved")).toHaveLength(3);
  expect(pool.stats()).toEqual({ total: 3, idle: 0, borrowed: 3, waiting: 2 });
});

test("connections being created count toward total and max", async () => {
  const { pool, log, completeCreate } = setup({ max: 2, manualCreate: true });
  track(() => pool.acquire());
  track(() => pool.acquire());
  const third = track(() => pool.acquire());
  await settle();
  expect(log.created).toBe(2);
  expect(pool.stats()).toEqual({ total: 2, idle: 0, borrowed: 0, waiting: 1 });
  completeCreate();
  completeCreate();
  await settle();
  expect(pool.stats()).toEqual({ total: 2, idle: 0, borrowed: 2, waiting: 1 });
  expect(third.status).toBe("pending");
});

test("waiters are served first come, first served", async () => {
  const { pool } = setup({ max: 1 });
  const c = await take(pool);
  const served: string[] = [];
  for (const name of ["first", "second", "third"]) {
    void pool.acquire().then(
      (conn) => {
        served.push(name);
        pool.release(conn);
      },
      () => served.push(`${name} failed`),
    );
    await settle();
  }
  pool.release(c);
  await settle(60);
  expect(served).toEqual(["first", "second", "third"]);
});

test("a release goes straight to the oldest waiter, not to the idle set", async () => {
  const { pool } = setup({ max: 1 });
  const c = await take(pool);
  const waiter = track(() => pool.acquire());
  await settle();
  pool.release(c);
  await settle();
  expect(waiter.status).toBe("resolved");
  expect(waiter.value).toBe(c);
  expect(pool.stats()).toEqual({ total: 1, idle: 0, borrowed: 1, waiting: 0 });
});

// ---- acquire timeout --------------------------------------------------------------------

test("a queued waiter rejects with PoolTimeoutError exactly at acquireTimeoutMs", async () => {
  const { pool, timers } = setup({ max: 1, acquireTimeoutMs: 500 });
  await take(pool);
  const waiter = track(() => pool.acquire());
  await settle();
  timers.advance(499);
  await settle();
  expect(waiter.status).toBe("pending");
  timers.advance(1);
  await settle();
  expect(waiter.status).toBe("rejected");
  expect(isTimeout(waiter.error)).toBe(true);
  expect(waiter.error).toBeInstanceOf(Error);
});

test("a timed-out waiter leaves the queue and gets nothing later", async () => {
  const { pool, timers } = setup({ max: 1, acquireTimeoutMs: 500 });
  const c = await take(pool);
  track(() => pool.acquire());
  await settle();
  timers.advance(500);
  await settle();
  expect(pool.stats().waiting).toBe(0);
  pool.release(c);
  expect(pool.stats()).toEqual({ total: 1, idle: 1, borrowed: 0, waiting: 0 });
  expect(await take(pool)).toBe(c);
});

test("the timeout counts from when the waiter joined the queue", async () => {
  const { pool, timers } = setup({ max: 1, acquireTimeoutMs: 1000 });
  await take(pool);
  timers.advance(600);
  const waiter = track(() => pool.acquire());
  await settle();
  timers.advance(999);
  await settle();
  expect(waiter.status).toBe("pending");
  timers.advance(1);
  await settle();
  expect(isTimeout(waiter.error)).toBe(true);
});

test("time spent creating a connection is not covered by acquireTimeoutMs", async () => {
  const { pool, timers, completeCreate } = setup({ max: 2, acquireTimeoutMs: 100, manualCreate: true });
  const slow = track(() => pool.acquire());
  await settle();
  timers.advance(5000);
  await settle();
  expect(slow.status).toBe("pending");
  completeCreate();
  await settle();
  expect(slow.status).toBe("resolved");
});

test("a waiter that was served is not rejected when its timeout would have fired", async () => {
  const { pool, timers } = setup({ max: 1, acquireTimeoutMs: 1000 });
  const c = await take(pool);
  const first = track(() => pool.acquire());
  await settle();
  timers.advance(500);
  pool.release(c);
  await settle();
  const second = track(() => pool.acquire());
  await settle();
  timers.advance(700); // the first waiter's timer would have fired at 1000
  await settle();
  expect(first.status).toBe("resolved");
  expect(second.status).toBe("pending");
  expect(pool.stats().waiting).toBe(1);
});

// ---- lifetime ----------------------------------------------------------------------------

test("a connection younger than maxLifetimeMs is reused", async () => {
  const { pool, timers, log } = setup({ maxLifetimeMs: 5000 });
  const c = await take(pool);
  timers.advance(4999);
  pool.release(c);
  await settle();
  expect(log.destroyed).toEqual([]);
  expect(await take(pool)).toBe(c);
});

test("a connection whose age reached maxLifetimeMs is destroyed on release", async () => {
  const { pool, timers, log } = setup({ maxLifetimeMs: 5000 });
  const c = await take(pool);
  timers.advance(5000);
  pool.release(c);
  await settle();
  expect(log.destroyed).toEqual([c.id]);
  expect(pool.stats()).toEqual({ total: 0, idle: 0, borrowed: 0, waiting: 0 });
  const fresh = await take(pool);
  expect(fresh).not.toBe(c);
});

test("retiring an old connection creates a new one for the oldest waiter", async () => {
  const { pool, timers, log } = setup({ max: 1, maxLifetimeMs: 5000, acquireTimeoutMs: 10_000 });
  const c = await take(pool);
  const waiter = track(() => pool.acquire());
  await settle();
  timers.advance(5000);
  pool.release(c);
  await settle();
  expect(log.destroyed).toEqual([c.id]);
  expect(waiter.status).toBe("resolved");
  expect(waiter.value?.id).toBe(2);
  expect(pool.stats()).toEqual({ total: 1, idle: 0, borrowed: 1, waiting: 0 });
});

// ---- idle timeout and min ------------------------------------------------------------------

test("an idle connection is destroyed when its idle timer fires and total > min", async () => {
  const { pool, timers, log } = setup({ min: 0, idleTimeoutMs: 2000 });
  const c = await take(pool);
  pool.release(c);
  timers.advance(1999);
  await settle();
  expect(pool.stats().idle).toBe(1);
  timers.advance(1);
  await settle();
  expect(log.destroyed).toEqual([c.id]);
  expect(pool.stats()).toEqual({ total: 0, idle: 0, borrowed: 0, waiting: 0 });
});

test("the idle clock restarts at each release", async () => {
  const { pool, timers, log } = setup({ idleTimeoutMs: 2000 });
  const c = await take(pool);
  pool.release(c);
  timers.advance(1500);
  const again = await take(pool);
  timers.advance(1000);
  pool.release(again);
  timers.advance(1999);
  await settle();
  expect(log.destroyed).toEqual([]);
  timers.advance(1);
  await settle();
  expect(log.destroyed).toEqual([c.id]);
});

test("a borrowed connection is never closed by an idle timer", async () => {
  const { pool, timers, log } = setup({ idleTimeoutMs: 1000 });
  const c = await take(pool);
  pool.release(c);
  timers.advance(500);
  await take(pool);
  timers.advance(5000);
  await settle();
  expect(log.destroyed).toEqual([]);
  expect(pool.stats()).toEqual({ total: 1, idle: 0, borrowed: 1, waiting: 0 });
});

test("idle timers never shrink the pool below min", async () => {
  const { pool, timers, log } = setup({ min: 2, max: 4, idleTimeoutMs: 1000 });
  const conns = [await take(pool), await take(pool), await take(pool)];
  for (const c of conns) pool.release(c);
  timers.advance(1000);
  await settle();
  expect(log.destroyed).toHaveLength(1);
  expect(pool.stats()).toEqual({ total: 2, idle: 2, borrowed: 0, waiting: 0 });
  timers.advance(60_000);
  await settle();
  expect(pool.stats().total).toBe(2);
});

test("min counts borrowed connections too", async () => {
  const { pool, timers, log } = setup({ min: 2, max: 4, idleTimeoutMs: 1000 });
  const a = await take(pool);
  const b = await take(pool);
  pool.release(a);
  timers.advance(1000);
  await settle();
  expect(log.destroyed).toEqual([]);
  expect(pool.stats()).toEqual({ total: 2, idle: 1, borrowed: 1, waiting: 0 });
  void b;
});

// ---- validation -------------------------------------------------------------------------

test("validate runs when an idle connection is reused", async () => {
  const { pool, log } = setup({ validate: () => true });
  const c = await take(pool);
  pool.release(c);
  expect(await take(pool)).toBe(c);
  expect(log.validated).toEqual([c.id]);
});

test("a connection that fails validation is destroyed and another idle one is tried", async () => {
  const { pool, log } = setup({ max: 3, validate: (c) => c.id !== 2 });
  const a = await take(pool);
  const b = await take(pool);
  pool.release(a);
  pool.release(b); // most recently released: b (id 2) or a may be tried first; either way a is the survivor
  const got = await take(pool);
  expect(got).toBe(a);
  await settle();
  expect(log.destroyed).toEqual(log.validated.includes(2) ? [2] : []);
  expect(log.created).toBe(2);
});

test("when every idle connection fails validation a new one is created", async () => {
  const { pool, log } = setup({ max: 2, validate: (c) => c.id > 2 });
  const a = await take(pool);
  const b = await take(pool);
  pool.release(a);
  pool.release(b);
  const got = await take(pool);
  await settle();
  expect(got.id).toBe(3);
  expect([...log.destroyed].sort()).toEqual([1, 2]);
  expect(pool.stats()).toEqual({ total: 1, idle: 0, borrowed: 1, waiting: 0 });
});

/** A pool over numbered connections whose validate() answers only when the test says so. */
function validatedByHand() {
  const clock = createClock(0);
  const timers = createTimers(clock);
  const destroyed: number[] = [];
  const answers: Array<(ok: boolean) => void> = [];
  let created = 0;
  const pool = new Pool<number>({
    create: async () => ++created,
    destroy: async (c) => {
      destroyed.push(c);
    },
    validate: () => new Promise<boolean>((resolve) => answers.push(resolve)),
    min: 0,
    max: 2,
    acquireTimeoutMs: 1000,
    idleTimeoutMs: 10_000,
    maxLifetimeMs: 60_000,
    now: clock.now,
    // Only setTimeout and clearTimeout: advance() is the test's, not the pool's.
    timers: timers.forLearner,
  });
  return { pool, destroyed, answer: (ok: boolean) => answers.shift()?.(ok) };
}

test("a connection being validated still counts in total", async () => {
  const { pool, answer } = validatedByHand();
  const first = track(() => pool.acquire());
  await settle();
  expect(first.status).toBe("resolved");
  pool.release(first.value ?? -1);
  const again = track(() => pool.acquire());
  await settle();
  expect(again.status).toBe("pending");
  expect(pool.stats().total).toBe(1);
  answer(true);
  await settle();
  expect(again.status).toBe("resolved");
  expect(pool.stats()).toEqual({ total: 1, idle: 0, borrowed: 1, waiting: 0 });
});

test("a create() that fails gives its slot back", async () => {
  const clock = createClock(0);
  let calls = 0;
  const pool = new Pool<number>({
    create: async () => {
      calls++;
      if (calls === 1) throw new Error("connection refused");
      return calls;
    },
    destroy: async () => {},
    min: 0,
    max: 1,
    acquireTimeoutMs: 1000,
    idleTimeoutMs: 10_000,
    maxLifetimeMs: 60_000,
    now: clock.now,
    timers: createTimers(clock).forLearner,
  });
  const first = track(() => pool.acquire());
  await settle();
  expect(pool.stats().total).toBeLessThanOrEqual(1);
  const next = first.status === "resolved" ? first : track(() => pool.acquire());
  await settle();
  expect(next.status).toBe("resolved");
  expect(pool.stats()).toEqual({ total: 1, idle: 0, borrowed: 1, waiting: 0 });
});

// ---- release edge cases --------------------------------------------------------------------

test("releasing an unknown connection is ignored", async () => {
  const { pool, log } = setup();
  const c = await take(pool);
  pool.release({ id: 99, tag: "stranger" });
  await settle();
  expect(pool.stats()).toEqual({ total: 1, idle: 0, borrowed: 1, waiting: 0 });
  expect(log.destroyed).toEqual([]);
  void c;
});

test("releasing the same connection twice does not lend it twice", async () => {
  const { pool } = setup({ max: 3 });
  const c = await take(pool);
  pool.release(c);
  pool.release(c);
  expect(pool.stats()).toEqual({ total: 1, idle: 1, borrowed: 0, waiting: 0 });
  const x = await take(pool);
  const y = await take(pool);
  expect(x).not.toBe(y);
});

// ---- drain ------------------------------------------------------------------------------------

test("drain rejects queued waiters at once with an Error", async () => {
  const { pool } = setup({ max: 1, acquireTimeoutMs: 60_000 });
  await take(pool);
  const waiter = track(() => pool.acquire());
  await settle();
  track(() => pool.drain());
  await settle();
  expect(waiter.status).toBe("rejected");
  expect(waiter.error).toBeInstanceOf(Error);
  expect(pool.stats().waiting).toBe(0);
});

test("drain destroys idle connections and waits for borrowed ones", async () => {
  const { pool, log } = setup({ max: 3 });
  const a = await take(pool);
  const b = await take(pool);
  const c = await take(pool);
  pool.release(a);
  const drained = track(() => pool.drain());
  await settle();
  expect(drained.status).toBe("pending");
  pool.release(b);
  await settle();
  expect(drained.status).toBe("pending");
  pool.release(c);
  await settle();
  expect(drained.status).toBe("resolved");
  expect([...log.destroyed].sort()).toEqual([a.id, b.id, c.id]);
  expect(pool.stats()).toEqual({ total: 0, idle: 0, borrowed: 0, waiting: 0 });
});

test("drain during a create rejects that acquire and waits for the new connection's destroy", async () => {
  const { pool, log, completeCreate } = setup({ manualCreate: true });
  const waiter = track(() => pool.acquire());
  await settle();
  const drained = track(() => pool.drain());
  await settle();
  expect(drained.status).toBe("pending");
  completeCreate();
  await settle();
  expect(waiter.status).toBe("rejected");
  expect(waiter.error).toBeInstanceOf(Error);
  expect(log.destroyed).toEqual([1]);
  expect(drained.status).toBe("resolved");
  expect(pool.stats()).toEqual({ total: 0, idle: 0, borrowed: 0, waiting: 0 });
});

test("drain during a validation rejects that acquire and destroys the connection", async () => {
  const { pool, destroyed, answer } = validatedByHand();
  const first = track(() => pool.acquire());
  await settle();
  expect(first.status).toBe("resolved");
  pool.release(first.value ?? -1);
  const waiter = track(() => pool.acquire());
  await settle();
  const drained = track(() => pool.drain());
  await settle();
  expect(drained.status).toBe("pending");
  answer(true);
  await settle();
  expect(waiter.status).toBe("rejected");
  expect(waiter.error).toBeInstanceOf(Error);
  expect(destroyed).toEqual([1]);
  expect(drained.status).toBe("resolved");
});

test("acquire after drain rejects with an Error", async () => {
  const { pool, log } = setup();
  await settle();
  track(() => pool.drain());
  await settle();
  const late = track(() => pool.acquire());
  await settle();
  expect(late.status).toBe("rejected");
  expect(late.error).toBeInstanceOf(Error);
  expect(log.created).toBe(0);
});

test("drain of an empty pool resolves", async () => {
  const { pool } = setup();
  const drained = track(() => pool.drain());
  await settle();
  expect(drained.status).toBe("resolved");
});

// ---- property ------------------------------------------------------------------------------

test("random workloads keep every invariant", async () => {
  const random = seededRandom(1818);
  // 8 rounds of 50 steps (each step settles the promise queue, most of the cost): the
  // rules each have their own test above; this looks for what breaks in between.
  for (let round = 0; round < 8; round++) {
    const max = randomInt(random, 1, 4);
    const min = randomInt(random, 0, max);
    const { pool, timers, log } = setup({
      min,
      max,
      acquireTimeoutMs: randomInt(random, 1, 5) * 100,
      idleTimeoutMs: randomInt(random, 1, 5) * 200,
      maxLifetimeMs: randomInt(random, 5, 30) * 100,
    });
    const held: Conn[] = [];
    const queue: Array<{ n: number; outcome: Outcome<Conn> }> = [];
    const servedOrder: number[] = [];
    const script: string[] = [];
    let next = 0;
    const fail = (why: string) => {
      throw new Error(`min=${min} max=${max}, after [${script.slice(-10).join(", ")}]: ${why}`);
    };
    for (let step = 0; step < 50; step++) {
      const roll = random();
      if (roll < 0.45) {
        const n = next++;
        script.push(`acquire#${n}`);
        queue.push({ n, outcome: track(() => pool.acquire()) });
      } else if (roll < 0.8 && held.length > 0) {
        const c = held.splice(randomInt(random, 0, held.length - 1), 1)[0] as Conn;
        script.push(`release ${c.id}`);
        pool.release(c);
      } else {
        const ms = randomInt(random, 1, 6) * 100;
        script.push(`wait ${ms}`);
        timers.advance(ms);
      }
      await settle();
      for (let i = 0; i < queue.length; i++) {
        const entry = queue[i];
        if (!entry || entry.outcome.status === "pending") continue;
        queue.splice(i--, 1);
        if (entry.outcome.status === "rejected") {
          if (!isTimeout(entry.outcome.error)) fail(`acquire#${entry.n} rejected with ${String(entry.outcome.error)}`);
          continue;
        }
        const c = entry.outcome.value as Conn;
        if (held.includes(c)) fail(`connection ${c.id} lent to two borrowers at once`);
        held.push(c);
        // FIFO: checked as each acquire is served, against the one served before it.
        const previous = servedOrder[servedOrder.length - 1];
        if (previous !== undefined && entry.n < previous) fail(`acquire#${entry.n} was served after acquire#${previous}`);
        servedOrder.push(entry.n);
      }
      const stats = pool.stats();
      const alive = log.created - log.destroyed.length;
      if (stats.total > max) fail(`total ${stats.total} exceeds max ${max}`);
      if (alive > max) fail(`${alive} connections exist, max is ${max}`);
      if (stats.total !== alive) fail(`stats().total is ${stats.total} but ${alive} connections exist`);
      if (stats.borrowed !== held.length) fail(`stats().borrowed is ${stats.borrowed}, ${held.length} are lent`);
      if (stats.waiting !== queue.length) fail(`stats().waiting is ${stats.waiting}, ${queue.length} acquires are unanswered`);
      if (stats.idle + stats.borrowed !== stats.total) fail(`idle + borrowed != total in ${JSON.stringify(stats)}`);
    }
  }
});
