// Mutant: finds the least recently used entry by scanning every entry on each eviction, O(n) per set once full, far too slow at 50,000 entries.
import type { Clock } from "./support";

interface Slot<V> {
  value: V;
  expiresAt: number;
  usedAt: number;
}

export class LruCache<K, V> {
  private readonly slots = new Map<K, Slot<V>>();
  private readonly inFlight = new Map<K, Promise<V>>();
  private tick = 0;
  private hits = 0;
  private misses = 0;
  private evictions = 0;

  constructor(private readonly opts: { capacity: number; defaultTtlMs?: number; now: Clock }) {}

  private live(key: K): Slot<V> | undefined {
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    if (this.opts.now() >= slot.expiresAt) {
      this.slots.delete(key);
      return undefined;
    }
    return slot;
  }

  get(key: K): V | undefined {
    const slot = this.live(key);
    if (!slot) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    slot.usedAt = ++this.tick;
    return slot.value;
  }

  set(key: K, value: V, ttlMs?: number): void {
    const ttl = ttlMs ?? this.opts.defaultTtlMs;
    const now = this.opts.now();
    this.slots.set(key, { value, expiresAt: ttl === undefined ? Infinity : now + ttl, usedAt: ++this.tick });
    if (this.slots.size <= this.opts.capacity) return;
    for (const [candidate, slot] of this.slots) if (now >= slot.expiresAt) this.slots.delete(candidate);
    while (this.slots.size > this.opts.capacity) {
      let oldestKey: K | undefined;
      let oldestUse = Infinity;
      for (const [candidate, slot] of this.slots) {
        if (slot.usedAt < oldestUse) {
          oldestUse = slot.usedAt;
          oldestKey = candidate;
        }
      }
      this.slots.delete(oldestKey as K);
      this.evictions++;
    }
  }

  delete(key: K): boolean {
    if (!this.live(key)) return false;
    return this.slots.delete(key);
  }

  get size(): number {
    const now = this.opts.now();
    let count = 0;
    for (const slot of this.slots.values()) if (now < slot.expiresAt) count++;
    return count;
  }

  getOrLoad(key: K, load: (key: K) => Promise<V>): Promise<V> {
    const slot = this.live(key);
    if (slot) {
      this.hits++;
      slot.usedAt = ++this.tick;
      return Promise.resolve(slot.value);
    }
    this.misses++;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const flight = load(key).then(
      (value) => {
        this.inFlight.delete(key);
        this.set(key, value);
        return value;
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
