export interface PhiAccrualOptions {
  threshold: number; // isAvailable is phi < threshold
  maxSampleSize: number; // how many recent intervals the history keeps
  minStdDevMs: number; // a floor on the standard deviation
  acceptablePauseMs: number; // added to the mean interval
  firstHeartbeatEstimateMs: number; // seeds the history at the first heartbeat
}

/**
 * Phi accrual failure detector. Instead of "alive" or "dead", phi says how surprising the
 * silence since the last heartbeat is, given the intervals seen so far: phi = 1 means a
 * 10% chance that a live node would have been this quiet, phi = 3 means 0.1%.
 */
export class PhiAccrualDetector {
  private last: number | undefined;

  constructor(private readonly opts: PhiAccrualOptions) {}

  heartbeat(nowMs: number): void {
    // TODO: seed the history at the first heartbeat, then record intervals (only while available).
    this.last = nowMs;
  }

  phi(nowMs: number): number {
    // TODO: y = (elapsed - mean) / std, then the logistic formula from the rules.
    if (this.last === undefined) return 0;
    return nowMs - this.last > this.opts.firstHeartbeatEstimateMs ? this.opts.threshold : 0;
  }

  isAvailable(nowMs: number): boolean {
    return this.phi(nowMs) < this.opts.threshold;
  }
}
