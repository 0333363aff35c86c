// solution-canary:cap-theorem (tests/e2e/bundle.spec.ts: this string must never reach a browser)
/** Thrown when a CP store cannot reach enough replicas to serve a request. */
export class UnavailableError extends Error {
  override name = "UnavailableError";
}

interface Versioned {
  value: string;
  version: number;
}

/**
 * A key-value store replicated on replicas 0..n-1. A request enters at replica `via`
 * and reaches only the replicas in the same partition group.
 */
export class QuorumStore {
  private readonly n: number;
  private readonly w: number;
  private readonly r: number;
  private readonly mode: "CP" | "AP";
  /** replicas[i] holds replica i's copy of every key it has seen. */
  private readonly replicas: Array<Map<string, Versioned>>;
  /** group[i] is the partition group of replica i; all equal when healed. */
  private group: number[];
  private version = 0;

  constructor(opts: { n: number; w: number; r: number; mode: "CP" | "AP" }) {
    this.n = opts.n;
    this.w = opts.w;
    this.r = opts.r;
    this.mode = opts.mode;
    this.replicas = Array.from({ length: opts.n }, () => new Map<string, Versioned>());
    this.group = new Array<number>(opts.n).fill(0);
  }

  partition(groups: number[][]): void {
    // A replica named in no group sits alone: give each one a group of its own.
    this.group = Array.from({ length: this.n }, (_, i) => -1 - i);
    groups.forEach((members, index) => {
      for (const id of members) if (id >= 0 && id < this.n) this.group[id] = index;
    });
  }

  heal(): void {
    this.group = new Array<number>(this.n).fill(0);
    if (this.mode !== "AP") return;
    // Anti-entropy: every replica takes the highest version of every key.
    const latest = new Map<string, Versioned>();
    for (const replica of this.replicas) {
      for (const [key, entry] of replica) {
        const best = latest.get(key);
        if (!best || entry.version > best.version) latest.set(key, entry);
      }
    }
    for (const replica of this.replicas) {
      for (const [key, entry] of latest) replica.set(key, entry);
    }
  }

  write(key: string, value: string, via: number): void {
    const reachable = this.reachable(via);
    if (this.mode === "CP" && reachable.length < this.w) {
      throw new UnavailableError(`write reached ${reachable.length} of ${this.n} replicas; needs ${this.w}`);
    }
    const entry = { value, version: ++this.version };
    for (const id of reachable) this.replicas[id]!.set(key, entry);
  }

  read(key: string, via: number): string | undefined {
    const reachable = this.reachable(via);
    if (this.mode === "CP" && reachable.length < this.r) {
      throw new UnavailableError(`read reached ${reachable.length} of ${this.n} replicas; needs ${this.r}`);
    }
    let best: Versioned | undefined;
    for (const id of reachable) {
      const entry = this.replicas[id]!.get(key);
      if (entry && (!best || entry.version > best.version)) best = entry;
    }
    return best?.value;
  }

  private reachable(via: number): number[] {
    if (!Number.isInteger(via) || via < 0 || via >= this.n) {
      throw new RangeError(`replica ${via} is not in 0..${this.n - 1}`);
    }
    const mine = this.group[via];
    const ids: number[] = [];
    for (let id = 0; id < this.n; id++) if (this.group[id] === mine) ids.push(id);
    return ids;
  }
}
