// solution-canary:heartbeat (tests/e2e/bundle.spec.ts: this string must never reach a browser)
export interface PhiAccrualOptions {
  threshold: number;
  maxSampleSize: number;
  minStdDevMs: number;
  acceptablePauseMs: number;
  firstHeartbeatEstimateMs: number;
}

/** The phi accrual failure detector, with the same formulas as Akka's PhiAccrualFailureDetector. */
export class PhiAccrualDetector {
  private intervals: number[] = [];
  private last: number | undefined;

  constructor(private readonly opts: PhiAccrualOptions) {}

  heartbeat(nowMs: number): void {
    if (this.last === undefined) {
      // No history yet: pretend we saw two intervals around the estimate.
      const estimate = this.opts.firstHeartbeatEstimateMs;
      const spread = Math.floor(estimate / 4);
      this.intervals = [];
      this.record(estimate - spread);
      this.record(estimate + spread);
    } else if (this.isAvailable(nowMs)) {
      // A heartbeat that ends a suspicious silence is not a sample: it would skew the history.
      this.record(nowMs - this.last);
    }
    this.last = nowMs;
  }

  phi(nowMs: number): number {
    if (this.last === undefined || this.intervals.length === 0) return 0;
    const elapsed = nowMs - this.last;
    const n = this.intervals.length;
    let sum = 0;
    for (const interval of this.intervals) sum += interval;
    const historyMean = sum / n;
    let squares = 0;
    for (const interval of this.intervals) squares += (interval - historyMean) ** 2;
    const mean = historyMean + this.opts.acceptablePauseMs;
    const std = Math.max(Math.sqrt(squares / n), this.opts.minStdDevMs);
    const y = (elapsed - mean) / std;
    // A logistic approximation of the normal distribution's tail.
    const e = Math.exp(-y * (1.5976 + 0.070566 * y * y));
    // Two algebraically equal forms; each keeps its precision on its own side of the mean.
    return elapsed > mean ? -Math.log10(e / (1 + e)) : -Math.log10(1 - 1 / (1 + e));
  }

  isAvailable(nowMs: number): boolean {
    return this.phi(nowMs) < this.opts.threshold;
  }

  private record(interval: number): void {
    this.intervals.push(interval);
    while (this.intervals.length > this.opts.maxSampleSize) this.intervals.shift();
  }
}
