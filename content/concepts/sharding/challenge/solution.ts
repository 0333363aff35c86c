// solution-canary:sharding (tests/e2e/bundle.spec.ts: this string must never reach a browser)
import { murmur3_32 } from "./support";

/** Hash sharding: the same key always lands on the same shard, keys spread evenly. */
export function hashShard(key: string, shardCount: number): number {
  return murmur3_32(key) % shardCount;
}

/**
 * Range sharding. With upper bounds [b0, b1, ..., bn-1] there are n + 1 shards:
 * shard 0 holds keys < b0, shard i holds b(i-1) <= key < bi, and shard n holds
 * every key >= b(n-1).
 */
export class RangeShardMap {
  private readonly bounds: string[];

  constructor(upperBounds: string[]) {
    this.bounds = [...upperBounds];
  }

  get shardCount(): number {
    return this.bounds.length + 1;
  }

  /** The first shard whose upper bound is above the key: a binary search. */
  shardFor(key: string): number {
    let low = 0;
    let high = this.bounds.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (key < this.bounds[middle]!) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** Splits `shard` at `at`: keys >= at move to a new shard right after it. */
  split(shard: number, at: string): void {
    if (!Number.isInteger(shard) || shard < 0 || shard >= this.shardCount) {
      throw new RangeError(`no shard ${shard}; there are ${this.shardCount}`);
    }
    const lower = shard === 0 ? undefined : this.bounds[shard - 1];
    const upper = shard === this.bounds.length ? undefined : this.bounds[shard];
    if (lower !== undefined && !(lower < at)) throw new RangeError(`split point must be above ${lower}`);
    if (upper !== undefined && !(at < upper)) throw new RangeError(`split point must be below ${upper}`);
    this.bounds.splice(shard, 0, at);
  }
}

/**
 * A cross-shard "SELECT ... WHERE ... ORDER BY ... LIMIT n": every shard filters
 * and sorts its own rows and keeps its best `limit`; the coordinator merges those
 * sorted lists, taking from the lowest shard on a tie.
 */
export function scatterGather<T>(
  shards: T[][],
  opts: { where: (row: T) => boolean; orderBy: (a: T, b: T) => number; limit: number },
): T[] {
  const { where, orderBy, limit } = opts;
  if (!(limit > 0)) return [];
  const partials = shards.map((rows) => rows.filter(where).sort(orderBy).slice(0, limit));
  const cursors = partials.map(() => 0);
  const result: T[] = [];
  while (result.length < limit) {
    let best = -1;
    for (let s = 0; s < partials.length; s++) {
      const rows = partials[s]!;
      if (cursors[s]! >= rows.length) continue;
      // Strictly better only: on a tie the earlier shard keeps its place.
      if (best < 0 || orderBy(rows[cursors[s]!]!, partials[best]![cursors[best]!]!) < 0) best = s;
    }
    if (best < 0) break;
    result.push(partials[best]![cursors[best]!]!);
    cursors[best]!++;
  }
  return result;
}
