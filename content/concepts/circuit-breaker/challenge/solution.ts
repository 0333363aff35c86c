// solution-canary:circuit-breaker (tests/e2e/bundle.spec.ts: this string must never reach a browser)
import type { Clock } from "./support";

export type BreakerState = "CLOSED" | "OPEN" | "HALF_OPEN";

export class CircuitOpenError extends Error {
  override name = "CircuitOpenError";
}

export interface CircuitBreakerOptions {
  failureThreshold: number;
  resetTimeoutMs: number;
  halfOpenMaxCalls: number;
  successThreshold: number;
  now: Clock;
}

/**
 * A circuit breaker. Every state change starts a new "generation"; a call remembers
 * the generation it was admitted in, and its outcome only counts if that generation
 * is still the current one when it settles.
 */
export class CircuitBreaker {
  private current: BreakerState = "CLOSED";
  private generation = 0;
  private failures = 0; // consecutive failures while CLOSED
  private successes = 0; // successful trials while HALF_OPEN
  private inFlight = 0; // unsettled trials while HALF_OPEN
  private openedAt = 0;

  constructor(private readonly opts: CircuitBreakerOptions) {}

  get state(): BreakerState {
    this.refresh();
    return this.current;
  }

  async call<T>(fn: () => Promise<T>, fallback?: () => T | Promise<T>): Promise<T> {
    this.refresh();
    if (this.current === "OPEN" || (this.current === "HALF_OPEN" && this.inFlight >= this.opts.halfOpenMaxCalls)) {
      if (fallback) return fallback();
      throw new CircuitOpenError("circuit is open");
    }

    const admittedIn = this.generation;
    if (this.current === "HALF_OPEN") this.inFlight++;

    let value: T;
    try {
      value = await fn(); // a synchronous throw lands in the catch as well
    } catch (error) {
      if (admittedIn === this.generation) this.onFailure();
      if (fallback) return fallback();
      throw error;
    }
    if (admittedIn === this.generation) this.onSuccess();
    return value;
  }

  /** OPEN becomes HALF_OPEN as soon as the reset timeout has passed, call or no call. */
  private refresh(): void {
    if (this.current === "OPEN" && this.opts.now() >= this.openedAt + this.opts.resetTimeoutMs) {
      this.moveTo("HALF_OPEN");
    }
  }

  private onSuccess(): void {
    if (this.current === "CLOSED") {
      this.failures = 0;
      return;
    }
    if (this.current === "HALF_OPEN") {
      this.inFlight--;
      this.successes++;
      if (this.successes >= this.opts.successThreshold) this.moveTo("CLOSED");
    }
  }

  private onFailure(): void {
    if (this.current === "CLOSED") {
      this.failures++;
      if (this.failures >= this.opts.failureThreshold) this.moveTo("OPEN");
      return;
    }
    if (this.current === "HALF_OPEN") this.moveTo("OPEN"); // any failed trial reopens, with a fresh timeout
  }

  private moveTo(next: BreakerState): void {
    this.current = next;
    this.generation++;
    this.failures = 0;
    this.successes = 0;
    this.inFlight = 0;
    if (next === "OPEN") this.openedAt = this.opts.now();
  }
}
