import type { Clock } from "./support";

export type BreakerState = "CLOSED" | "OPEN" | "HALF_OPEN";

/** Thrown (or replaced by the fallback) when the breaker refuses a call. */
export class CircuitOpenError extends Error {
  override name = "CircuitOpenError";
}

export interface CircuitBreakerOptions {
  failureThreshold: number; // consecutive failures in CLOSED that open the circuit
  resetTimeoutMs: number; // how long OPEN lasts before HALF_OPEN
  halfOpenMaxCalls: number; // unsettled trial calls allowed at once in HALF_OPEN
  successThreshold: number; // successful trials that close the circuit again
  now: Clock;
}

export class CircuitBreaker {
  constructor(private readonly opts: CircuitBreakerOptions) {}

  /** CLOSED, OPEN or HALF_OPEN; OPEN turns into HALF_OPEN once resetTimeoutMs has passed. */
  get state(): BreakerState {
    return "CLOSED";
  }

  /**
   * Runs fn if the current state admits it, records its outcome, and returns its value.
   * Refused calls and failures return the fallback's value when there is a fallback.
   */
  async call<T>(fn: () => Promise<T>, fallback?: () => T | Promise<T>): Promise<T> {
    // TODO: refuse in OPEN, limit trials in HALF_OPEN, count outcomes, change state.
    void this.opts;
    void fallback;
    return fn();
  }
}
