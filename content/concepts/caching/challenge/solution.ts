// solution-canary:caching (tests/e2e/bundle.spec.ts: this string must never reach a browser)
import type { Clock } from "./support";

interface Entry<K, V> {
  key: K;
  value: V;
  /** Infinity when the entry never expires. */
  expiresAt: number;
  prev: Entry<K, V> | null;
  next: Entry<K, V> | null;
}

/**
 * LRU cache with TTLs. A hash map finds an entry in O(1); a doubly linked list keeps
 * recency (head = most recent, tail = least recent), so moving or evicting is O(1).
 * A min-heap of expiry times removes expired entries in O(log n) each, before anything
 * else looks at the cache, so the map only ever holds live entries.
 */
export class LruCache<K, V> {
  private readonly map = new Map<K, Entry<K, V>>();
  private head: Entry<K, V> | null = null;
  private tail: Entry<K, V> | null = null;
  /** Expiry heap; an item is stale once its entry left the map or got a new expiry. */
  private heap: Array<{ at: number; entry: Entry<K, V> }> = [];
  private readonly inFlight = new Map<K, Promise<V>>();
  private readonly capacity: number;
  private readonly defaultTtlMs: number | undefined;
  private readonly now: Clock;
  private hits = 0;
  private misses = 0;
  private evictions = 0;

  constructor(opts: { capacity: number; defaultTtlMs?: number; now: Clock }) {
    this.capacity = opts.capacity;
    this.defaultTtlMs = opts.defaultTtlMs;
    this.now = opts.now;
  }

  get(key: K): V | undefined {
    this.expire();
    const entry = this.map.get(key);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.moveToHead(entry);
    return entry.value;
  }

  set(key: K, value: V, ttlMs?: number): void {
    this.expire();
    const ttl = ttlMs ?? this.defaultTtlMs;
    const expiresAt = ttl === undefined ? Infinity : this.now() + ttl;
    let entry = this.map.get(key);
    if (entry) {
      entry.value = value;
      entry.expiresAt = expiresAt;
      this.moveToHead(entry);
    } else {
      entry = { key, value, expiresAt, prev: null, next: null };
      this.map.set(key, entry);
      this.linkAtHead(entry);
    }
    if (expiresAt !== Infinity) this.push({ at: expiresAt, entry });
    this.expire(); // a TTL of 0 or less is over at once
    while (this.map.size > this.capacity && this.tail) {
      this.remove(this.tail);
      this.evictions++;
    }
  }

  delete(key: K): boolean {
    this.expire();
    const entry = this.map.get(key);
    if (!entry) return false;
    this.remove(entry);
    return true;
  }

  get size(): number {
    this.expire();
    return this.map.size;
  }

  getOrLoad(key: K, load: (key: K) => Promise<V>): Promise<V> {
    this.expire();
    const entry = this.map.get(key);
    if (entry) {
      this.hits++;
      this.moveToHead(entry);
      return Promise.resolve(entry.value);
    }
    this.misses++;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    let started: Promise<V>;
    try {
      started = Promise.resolve(load(key));
    } catch (error) {
      started = Promise.reject(error);
    }
    const flight = started.then(
      (value) => {
        if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
        this.set(key, value);
        return value;
      },
      (error: unknown) => {
        if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
        throw error;
      },
    );
    this.inFlight.set(key, flight);
    return flight;
  }

  stats(): { hits: number; misses: number; evictions: number } {
    return { hits: this.hits, misses: this.misses, evictions: this.evictions };
  }

  // ---- recency list ----------------------------------------------------------------

  private linkAtHead(entry: Entry<K, V>): void {
    entry.prev = null;
    entry.next = this.head;
    if (this.head) this.head.prev = entry;
    this.head = entry;
    if (!this.tail) this.tail = entry;
  }

  private unlink(entry: Entry<K, V>): void {
    if (entry.prev) entry.prev.next = entry.next;
    else this.head = entry.next;
    if (entry.next) entry.next.prev = entry.prev;
    else this.tail = entry.prev;
    entry.prev = null;
    entry.next = null;
  }

  private moveToHead(entry: Entry<K, V>): void {
    if (this.head === entry) return;
    this.unlink(entry);
    this.linkAtHead(entry);
  }

  private remove(entry: Entry<K, V>): void {
    this.unlink(entry);
    this.map.delete(entry.key);
  }

  // ---- expiry heap -------------------------------------------------------------------

  /** Removes every entry whose expiry has come (live while now < expiresAt). */
  private expire(): void {
    const now = this.now();
    while (this.heap.length > 0 && this.heap[0]!.at <= now) {
      const { at, entry } = this.pop();
      if (entry.expiresAt === at && this.map.get(entry.key) === entry) this.remove(entry);
    }
  }

  private isCurrent(item: { at: number; entry: Entry<K, V> }): boolean {
    return item.entry.expiresAt === item.at && this.map.get(item.entry.key) === item.entry;
  }

  private push(item: { at: number; entry: Entry<K, V> }): void {
    // Stale items pile up when keys are rewritten often; rebuild when they dominate.
    if (this.heap.length > 1024 && this.heap.length > 2 * this.map.size) {
      this.heap = this.heap.filter((candidate) => this.isCurrent(candidate));
      for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
    }
    const heap = this.heap;
    let i = heap.length;
    heap.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.at <= item.at) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = item;
  }

  private pop(): { at: number; entry: Entry<K, V> } {
    const top = this.heap[0]!;
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private siftDown(start: number): void {
    const heap = this.heap;
    const item = heap[start]!;
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && heap[right]!.at < heap[left]!.at ? right : left;
      if (heap[child]!.at >= item.at) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = item;
  }
}
