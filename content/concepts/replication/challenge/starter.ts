import type { Clock } from "./support";

/**
 * One primary and `replicas` asynchronous replicas. Replica i applies a write
 * made at time t once now >= t + lagMs[i], in lsn order.
 */
export class ReplicatedStore {
  private nextLsn = 1;

  constructor(private readonly opts: { replicas: number; lagMs: number[]; now: Clock }) {}

  /** Writes go to the primary and get lsn 1, 2, 3... */
  write(key: string, value: string): { lsn: number } {
    void key;
    void value;
    return { lsn: this.nextLsn++ };
  }

  /**
   * Without minLsn: round-robin over the serving replicas (may be stale).
   * With minLsn: the lowest-numbered serving replica that has applied minLsn, else the primary.
   */
  read(key: string, opts?: { minLsn?: number }): { value: string | undefined; servedBy: "primary" | number } {
    void key;
    void opts;
    return { value: undefined, servedBy: "primary" };
  }

  /** The highest lsn replica i has applied; RangeError if i is not a serving replica. */
  replicaLsn(i: number): number {
    void i;
    return 0;
  }

  /** Failover: replica i becomes the primary, and writes it had not applied are lost. */
  promote(i: number): void {
    void i;
  }
}
