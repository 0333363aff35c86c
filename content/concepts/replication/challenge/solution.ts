// solution-canary:replication (tests/e2e/bundle.spec.ts: this string must never reach a browser)
import type { Clock } from "./support";

interface LogEntry {
  lsn: number;
  key: string;
  value: string;
  /** When the primary accepted the write; replica i applies it at at + lagMs[i]. */
  at: number;
}

/**
 * One primary and `replicas` asynchronous replicas. The primary's log is the
 * truth; a replica's state is the prefix of that log it has had time to apply.
 */
export class ReplicatedStore {
  private log: LogEntry[] = [];
  private readonly lagMs: number[];
  private readonly serving: boolean[];
  private readonly now: Clock;
  private lastRoundRobin = -1;

  constructor(opts: { replicas: number; lagMs: number[]; now: Clock }) {
    this.lagMs = [...opts.lagMs];
    this.serving = Array.from({ length: opts.replicas }, () => true);
    this.now = opts.now;
  }

  private get primaryLsn(): number {
    return this.log.length === 0 ? 0 : this.log[this.log.length - 1]!.lsn;
  }

  write(key: string, value: string): { lsn: number } {
    const lsn = this.primaryLsn + 1;
    this.log.push({ lsn, key, value, at: this.now() });
    return { lsn };
  }

  read(key: string, opts?: { minLsn?: number }): { value: string | undefined; servedBy: "primary" | number } {
    const minLsn = opts?.minLsn;
    if (minLsn !== undefined) {
      for (let i = 0; i < this.serving.length; i++) {
        if (this.serving[i] && this.appliedLsn(i) >= minLsn) return { value: this.valueAt(key, this.appliedLsn(i)), servedBy: i };
      }
      return { value: this.valueAt(key, this.primaryLsn), servedBy: "primary" };
    }
    const next = this.nextRoundRobin();
    if (next === undefined) return { value: this.valueAt(key, this.primaryLsn), servedBy: "primary" };
    this.lastRoundRobin = next;
    return { value: this.valueAt(key, this.appliedLsn(next)), servedBy: next };
  }

  replicaLsn(i: number): number {
    this.checkServing(i);
    return this.appliedLsn(i);
  }

  promote(i: number): void {
    this.checkServing(i);
    const keep = this.appliedLsn(i);
    // Writes the new primary never applied are gone, for everyone.
    this.log = this.log.filter((entry) => entry.lsn <= keep);
    this.serving[i] = false;
  }

  private checkServing(i: number): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.serving.length || !this.serving[i]) {
      throw new RangeError(`${i} is not a serving replica`);
    }
  }

  /** The highest lsn replica i has applied: writes apply in order, once now >= at + lag. */
  private appliedLsn(i: number): number {
    const now = this.now();
    const lag = this.lagMs[i] ?? 0;
    let applied = 0;
    for (const entry of this.log) {
      if (now >= entry.at + lag) applied = entry.lsn;
      else break;
    }
    return applied;
  }

  private valueAt(key: string, lsn: number): string | undefined {
    let value: string | undefined;
    for (const entry of this.log) {
      if (entry.lsn > lsn) break;
      if (entry.key === key) value = entry.value;
    }
    return value;
  }

  /** The next serving replica after the last one that served a plain read, wrapping. */
  private nextRoundRobin(): number | undefined {
    let first: number | undefined;
    for (let i = 0; i < this.serving.length; i++) {
      if (!this.serving[i]) continue;
      if (first === undefined) first = i;
      if (i > this.lastRoundRobin) return i;
    }
    return first;
  }
}
