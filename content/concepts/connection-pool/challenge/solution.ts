// solution-canary:connection-pool (tests/e2e/bundle.spec.ts: this string must never reach a browser)
import type { Clock, Timers } from "./support";

export class PoolTimeoutError extends Error {
  override name = "PoolTimeoutError";
}

export interface PoolOptions<T> {
  create(): Promise<T>;
  destroy(c: T): Promise<void>;
  validate?(c: T): Promise<boolean>;
  min: number;
  max: number;
  acquireTimeoutMs: number;
  idleTimeoutMs: number;
  maxLifetimeMs: number;
  now: Clock;
  timers: Timers;
}

/** Someone waiting for a connection: an acquire() that has not been answered yet. */
interface Request<T> {
  resolve(c: T): void;
  reject(error: unknown): void;
  timer?: number; // set while the request sits in the queue
}

interface Meta {
  createdAt: number;
  idleTimer?: number;
}

export class Pool<T> {
  private readonly idle: T[] = []; // the most recently released is last
  private readonly borrowed = new Set<T>();
  private readonly meta = new Map<T, Meta>();
  private readonly waiters: Request<T>[] = []; // oldest first
  private readonly destroying = new Set<Promise<void>>();
  private creating = 0;
  private validating = 0;
  private draining = false;
  private drained: Promise<void> | undefined;
  private finishDrain: () => void = () => {};

  constructor(private readonly opts: PoolOptions<T>) {}

  acquire(): Promise<T> {
    if (this.draining) return Promise.reject(new Error("the pool is draining"));
    return new Promise<T>((resolve, reject) => this.serve({ resolve, reject }));
  }

  release(c: T): void {
    if (!this.borrowed.delete(c)) return; // unknown, or already released
    const meta = this.meta.get(c);
    if (this.draining || !meta) {
      this.destroyOne(c);
      this.checkDrained();
      return;
    }
    if (this.opts.now() - meta.createdAt >= this.opts.maxLifetimeMs) {
      this.destroyOne(c);
      this.slotFreed();
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) {
      this.dequeued(waiter);
      this.lend(c, waiter);
      return;
    }
    this.idle.push(c);
    meta.idleTimer = this.opts.timers.setTimeout(() => this.idleExpired(c), this.opts.idleTimeoutMs);
  }

  drain(): Promise<void> {
    if (this.drained) return this.drained;
    this.draining = true;
    for (const waiter of this.waiters.splice(0)) {
      this.dequeued(waiter);
      waiter.reject(new Error("the pool is draining"));
    }
    for (const c of this.idle.splice(0)) this.destroyOne(c);
    this.drained = new Promise<void>((resolve) => (this.finishDrain = resolve));
    this.checkDrained();
    return this.drained;
  }

  stats(): { total: number; idle: number; borrowed: number; waiting: number } {
    return {
      total: this.idle.length + this.borrowed.size + this.creating + this.validating,
      idle: this.idle.length,
      borrowed: this.borrowed.size,
      waiting: this.waiters.length,
    };
  }

  // ---- internals ----------------------------------------------------------------

  private total(): number {
    return this.stats().total;
  }

  /** Answers a request: reuse an idle connection, else create one, else queue. */
  private serve(request: Request<T>): void {
    const reusable = this.idle.pop();
    if (reusable !== undefined) {
      this.reuse(reusable, request);
      return;
    }
    if (this.total() < this.opts.max) {
      this.createFor(request);
      return;
    }
    request.timer = this.opts.timers.setTimeout(() => {
      const at = this.waiters.indexOf(request);
      if (at < 0) return;
      this.waiters.splice(at, 1);
      request.reject(new PoolTimeoutError(`no connection within ${this.opts.acquireTimeoutMs} ms`));
    }, this.opts.acquireTimeoutMs);
    this.waiters.push(request);
  }

  private reuse(c: T, request: Request<T>): void {
    const meta = this.meta.get(c);
    if (meta?.idleTimer !== undefined) this.opts.timers.clearTimeout(meta.idleTimer);
    if (meta) meta.idleTimer = undefined;
    const validate = this.opts.validate;
    if (!validate) {
      this.lend(c, request);
      return;
    }
    this.validating++;
    const checked = (ok: boolean) => {
      this.validating--;
      if (this.draining) {
        this.destroyOne(c);
        request.reject(new Error("the pool is draining"));
        this.checkDrained();
      } else if (ok) {
        this.lend(c, request);
      } else {
        this.destroyOne(c);
        this.serve(request); // try another idle connection, or create one in the freed slot
      }
    };
    Promise.resolve()
      .then(() => validate.call(this.opts, c))
      .then(
        (ok) => checked(ok === true),
        () => checked(false),
      );
  }

  private createFor(request: Request<T>): void {
    this.creating++;
    Promise.resolve()
      .then(() => this.opts.create())
      .then(
        (c) => {
          this.creating--;
          this.meta.set(c, { createdAt: this.opts.now() });
          if (this.draining) {
            this.destroyOne(c);
            request.reject(new Error("the pool is draining"));
            this.checkDrained();
            return;
          }
          this.lend(c, request);
        },
        (error: unknown) => {
          this.creating--;
          request.reject(error);
          this.slotFreed();
          this.checkDrained();
        },
      );
  }

  private lend(c: T, request: Request<T>): void {
    this.borrowed.add(c);
    request.resolve(c);
  }

  /** A connection went away: the oldest waiter gets a new one created for it. */
  private slotFreed(): void {
    if (this.draining || this.total() >= this.opts.max) return;
    const waiter = this.waiters.shift();
    if (!waiter) return;
    this.dequeued(waiter);
    this.createFor(waiter);
  }

  private dequeued(request: Request<T>): void {
    if (request.timer !== undefined) this.opts.timers.clearTimeout(request.timer);
    request.timer = undefined;
  }

  private idleExpired(c: T): void {
    const meta = this.meta.get(c);
    if (meta) meta.idleTimer = undefined;
    const at = this.idle.indexOf(c);
    if (at < 0 || this.total() <= this.opts.min) return;
    this.idle.splice(at, 1);
    this.destroyOne(c);
  }

  private destroyOne(c: T): void {
    const meta = this.meta.get(c);
    if (meta?.idleTimer !== undefined) this.opts.timers.clearTimeout(meta.idleTimer);
    this.meta.delete(c);
    const done: Promise<void> = Promise.resolve()
      .then(() => this.opts.destroy(c))
      .catch(() => undefined)
      .then(() => {
        this.destroying.delete(done);
      });
    this.destroying.add(done);
  }

  private checkDrained(): void {
    if (!this.draining || this.borrowed.size > 0 || this.creating > 0 || this.validating > 0) return;
    void Promise.all([...this.destroying]).then(() => this.finishDrain());
  }
}
