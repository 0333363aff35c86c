import type { Clock } from "./support";

/**
 * A bounded in-memory cache.
 * - `get` and `set` make a key the most recently used.
 * - Over capacity, the least recently used live entry is evicted (expired entries go first
 *   and are not counted as evictions).
 * - An entry set at time t with a TTL of d ms is live while now < t + d.
 * - Every operation must be O(1) amortized: a scan per eviction is too slow.
 */
export class LruCache<K, V> {
  private readonly values = new Map<K, V>();

  constructor(private readonly opts: { capacity: number; defaultTtlMs?: number; now: Clock }) {}

  get(key: K): V | undefined {
    // TODO: expiry, recency, hit and miss counting.
    return this.values.get(key);
  }

  set(key: K, value: V, ttlMs?: number): void {
    // TODO: TTL (ttlMs, else opts.defaultTtlMs, else no expiry), recency, eviction.
    void ttlMs;
    this.values.set(key, value);
  }

  delete(key: K): boolean {
    return this.values.delete(key);
  }

  /** Live (unexpired) entries. */
  get size(): number {
    return this.values.size;
  }

  /** Hit: the value. Miss: call `load` once per key however many callers wait, then store it. */
  async getOrLoad(key: K, load: (key: K) => Promise<V>): Promise<V> {
    return load(key);
  }

  stats(): { hits: number; misses: number; evictions: number } {
    return { hits: 0, misses: 0, evictions: 0 };
  }
}
