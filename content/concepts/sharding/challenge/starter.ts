import { murmur3_32 } from "./support";

/** Hash sharding: murmur3_32(key) % shardCount. */
export function hashShard(key: string, shardCount: number): number {
  void murmur3_32;
  void key;
  void shardCount;
  return 0;
}

/**
 * Range sharding. With upper bounds [b0, ..., bn-1] there are n + 1 shards:
 * shard 0 holds keys < b0, shard i holds b(i-1) <= key < bi, the last shard
 * holds everything >= b(n-1). Keys compare as JS strings.
 */
export class RangeShardMap {
  private readonly bounds: string[];

  constructor(upperBounds: string[]) {
    this.bounds = [...upperBounds];
  }

  get shardCount(): number {
    return this.bounds.length + 1;
  }

  /** Find the shard with a binary search over the bounds. */
  shardFor(key: string): number {
    void key;
    return 0;
  }

  /** Insert a new shard right after `shard`, holding the keys >= at; RangeError if invalid. */
  split(shard: number, at: string): void {
    void shard;
    void at;
  }
}

/** The global top `limit` rows matching `where`, in `orderBy` order; ties keep shard order. */
export function scatterGather<T>(
  shards: T[][],
  opts: { where: (row: T) => boolean; orderBy: (a: T, b: T) => number; limit: number },
): T[] {
  void shards;
  void opts;
  return [];
}
