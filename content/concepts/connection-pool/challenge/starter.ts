import type { Clock, Timers } from "./support";

/** Rejects an acquire() that waited in the queue for acquireTimeoutMs. */
export class PoolTimeoutError extends Error {
  override name = "PoolTimeoutError";
}

export interface PoolOptions<T> {
  create(): Promise<T>;
  destroy(c: T): Promise<void>;
  validate?(c: T): Promise<boolean>; // runs when an idle connection is reused
  min: number; // idle connections are not closed below this total
  max: number; // never more connections than this, including ones being created
  acquireTimeoutMs: number; // how long a request may wait in the queue
  idleTimeoutMs: number; // how long a connection may sit idle (while total > min)
  maxLifetimeMs: number; // a connection this old is closed when released
  now: Clock;
  timers: Timers;
}

export class Pool<T> {
  constructor(private readonly opts: PoolOptions<T>) {}

  /** Lends an idle connection, creates one if below max, or waits in a FIFO queue. */
  acquire(): Promise<T> {
    // TODO: reuse, create lazily, queue with a timeout.
    return this.opts.create();
  }

  /** Gives a borrowed connection back: to the oldest waiter, to the idle set, or to destroy(). */
  release(c: T): void {
    void c;
  }

  /** Rejects waiters, waits for borrowed connections to come back, destroys everything. */
  async drain(): Promise<void> {}

  stats(): { total: number; idle: number; borrowed: number; waiting: number } {
    return { total: 0, idle: 0, borrowed: 0, waiting: 0 };
  }
}
