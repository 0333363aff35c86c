import { createClock, createTimers, expect, settle, test } from "@blueprint/test";
import { Pool, PoolTimeoutError } from "./solution";

interface Conn {
  id: number;
}

function setup(max = 2) {
  const clock = createClock();
  const timers = createTimers(clock);
  const log = { created: 0, destroyed: [] as number[] };
  const pool = new Pool<Conn>({
    create: async () => ({ id: ++log.created }),
    destroy: async (c) => {
      log.destroyed.push(c.id);
    },
    min: 0,
    max,
    acquireTimeoutMs: 1000,
    idleTimeoutMs: 30_000,
    maxLifetimeMs: 60_000,
    now: clock.now,
    // Only setTimeout and clearTimeout: advance() is the test's, not the pool's.
    timers: timers.forLearner,
  });
  return { pool, timers, log };
}

test("connections are created lazily and reused after release", async () => {
  const { pool, log } = setup();
  expect(log.created).toBe(0);
  const first = await pool.acquire();
  pool.release(first);
  const again = await pool.acquire();
  expect(again).toBe(first);
  expect(log.created).toBe(1);
  expect(pool.stats()).toEqual({ total: 1, idle: 0, borrowed: 1, waiting: 0 });
});

test("never more than max connections; the next caller waits for a release", async () => {
  const { pool, log } = setup(2);
  const a = await pool.acquire();
  await pool.acquire();
  let got: Conn | undefined;
  void pool.acquire().then((c) => (got = c));
  await settle();
  expect(log.created).toBe(2);
  expect(pool.stats()).toEqual({ total: 2, idle: 0, borrowed: 2, waiting: 1 });
  pool.release(a);
  await settle();
  expect(got).toBe(a);
});

test("a waiter not served within acquireTimeoutMs rejects with PoolTimeoutError", async () => {
  const { pool, timers } = setup(1);
  await pool.acquire();
  const waiting = pool.acquire();
  timers.advance(1000);
  await expect(waiting).rejects.toThrow(PoolTimeoutError);
  expect(pool.stats().waiting).toBe(0);
});

test("a connection at or past maxLifetimeMs is destroyed on release", async () => {
  const { pool, timers, log } = setup();
  const old = await pool.acquire();
  timers.advance(60_000);
  pool.release(old);
  await settle();
  expect(log.destroyed).toEqual([old.id]);
  expect(pool.stats().total).toBe(0);
});

test("drain waits for borrowed connections and then destroys everything", async () => {
  const { pool, log } = setup();
  const a = await pool.acquire();
  let drained = false;
  void pool.drain().then(() => (drained = true));
  await settle();
  expect(drained).toBe(false);
  pool.release(a);
  await settle();
  expect(drained).toBe(true);
  expect(log.destroyed).toEqual([a.id]);
  await expect(pool.acquire()).rejects.toThrow(Error);
});
