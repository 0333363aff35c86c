// Mutant: checks expiry only when a key is read, so expired entries keep their slots and a live entry is evicted (and counted) in their place.
import type { Clock } from "./support";

export class LruCache<K, V> {
  // A Map iterates in insertion order: delete + set moves a key to the back (most recent).
  private readonly map = new Map<K, { value: V; expiresAt: number }>();
  private readonly inFlight = new Map<K, Promise<V>>();
  private hits = 0;
  private misses = 0;
  private evictions = 0;

  constructor(private readonly opts: { capacity: number; defaultTtlMs?: number; now: Clock }) {}

  private live(key: K): { value: V; expiresAt: number } | undefined {
    const entry = this.map.get(key);
    if (!entry) return undefined;
    if (this.opts.now() >= entry.expiresAt) {
      this.map.delete(key);
      return undefined;
    }
    return entry;
  }

  get(key: K): V | undefined {
    const entry = this.live(key);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.map.delete(key);
    this.map.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V, ttlMs?: number): void {
    const ttl = ttlMs ?? this.opts.defaultTtlMs;
    this.map.delete(key);
    this.map.set(key, { value, expiresAt: ttl === undefined ? Infinity : this.opts.now() + ttl });
    while (this.map.size > this.opts.capacity) {
      this.map.delete(this.map.keys().next().value as K);
      this.evictions++;
    }
  }

  delete(key: K): boolean {
    if (!this.live(key)) return false;
    return this.map.delete(key);
  }

  get size(): number {
    const now = this.opts.now();
    let count = 0;
    for (const entry of this.map.values()) if (now < entry.expiresAt) count++;
    return count;
  }

  getOrLoad(key: K, load: (key: K) => Promise<V>): Promise<V> {
    const value = this.get(key);
    if (value !== undefined) return Promise.resolve(value);
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const flight = load(key).then(
      (loaded) => {
        this.inFlight.delete(key);
        this.set(key, loaded);
        return loaded;
      },
      (error: unknown) => {
        this.inFlight.delete(key);
        throw error;
      },
    );
    this.inFlight.set(key, flight);
    return flight;
  }

  stats(): { hits: number; misses: number; evictions: number } {
    return { hits: this.hits, misses: this.misses, evictions: this.evictions };
  }
}
