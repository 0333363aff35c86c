// The caching lesson's model, as pure functions: a small LRU cache with TTLs that the
// learner drives (get, set, let time pass), and a stampede calculator that shows how many
// database queries one expiring hot key causes with and without single flight. Every
// action returns a new state; nothing is random, so the same clicks give the same picture.

export const KEY_CHOICES: readonly string[] = ["A", "B", "C", "D", "E", "F"];
export const CAPACITY_CHOICES: readonly number[] = [2, 3, 4, 5];
/** TTL choices in ms; null means no expiry. */
export const TTL_CHOICES: ReadonlyArray<number | null> = [null, 5_000, 10_000, 30_000];

export interface CacheEntry {
  key: string;
  /** The value is the write number, so a rewritten key shows a new value. */
  value: number;
  /** ms on the model clock; null: never expires. */
  expiresAt: number | null;
}

export type Outcome = "hit" | "miss" | "set" | "time" | "resize" | "reset";

export interface CacheSim {
  capacity: number;
  now: number;
  /** Most recently used first. */
  entries: CacheEntry[];
  hits: number;
  misses: number;
  evictions: number;
  expirations: number;
  writes: number;
  /** What the last action did, in words. */
  note: string;
  last: Outcome;
  /** Keys touched by the last action: the key read or written, and any evicted or expired. */
  evicted: string[];
  expired: string[];
}

export function createCache(capacity = 3): CacheSim {
  return {
    capacity,
    now: 0,
    entries: [],
    hits: 0,
    misses: 0,
    evictions: 0,
    expirations: 0,
    writes: 0,
    note: `An empty cache with room for ${capacity} entries.`,
    last: "reset",
    evicted: [],
    expired: [],
  };
}

/** Drops entries whose time is up (live while now < expiresAt), before anything else looks. */
function expire(sim: CacheSim): { sim: CacheSim; expired: string[] } {
  const expired = sim.entries.filter((entry) => entry.expiresAt !== null && sim.now >= entry.expiresAt).map((entry) => entry.key);
  if (expired.length === 0) return { sim, expired };
  return {
    sim: { ...sim, entries: sim.entries.filter((entry) => !expired.includes(entry.key)), expirations: sim.expirations + expired.length },
    expired,
  };
}

function list(keys: string[]): string {
  return keys.join(", ");
}

export function get(current: CacheSim, key: string): CacheSim {
  const { sim, expired } = expire(current);
  const entry = sim.entries.find((candidate) => candidate.key === key);
  const expiredNote = expired.length > 0 ? ` Expired first: ${list(expired)}.` : "";
  if (!entry) {
    return { ...sim, misses: sim.misses + 1, last: "miss", evicted: [], expired, note: `get(${key}): miss, the source must be asked.${expiredNote}` };
  }
  return {
    ...sim,
    entries: [entry, ...sim.entries.filter((candidate) => candidate !== entry)],
    hits: sim.hits + 1,
    last: "hit",
    evicted: [],
    expired,
    note: `get(${key}): hit, value ${entry.value}; ${key} is now the most recently used.${expiredNote}`,
  };
}

export function set(current: CacheSim, key: string, ttlMs: number | null): CacheSim {
  const { sim, expired } = expire(current);
  const writes = sim.writes + 1;
  const entry: CacheEntry = { key, value: writes, expiresAt: ttlMs === null ? null : sim.now + ttlMs };
  let entries = [entry, ...sim.entries.filter((candidate) => candidate.key !== key)];
  const evicted: string[] = [];
  while (entries.length > sim.capacity) {
    const victim = entries[entries.length - 1];
    if (!victim) break;
    evicted.push(victim.key);
    entries = entries.slice(0, -1);
  }
  const ttlNote = ttlMs === null ? "no expiry" : `expires in ${ttlMs / 1000} s`;
  const parts = [`set(${key}) = ${writes}, ${ttlNote}.`];
  if (expired.length > 0) parts.push(`Expired first, not counted as evictions: ${list(expired)}.`);
  if (evicted.length > 0) parts.push(`Evicted the least recently used: ${list(evicted)}.`);
  return { ...sim, entries, writes, evictions: sim.evictions + evicted.length, last: "set", evicted, expired, note: parts.join(" ") };
}

export function advance(current: CacheSim, ms: number): CacheSim {
  const { sim, expired } = expire({ ...current, now: current.now + ms });
  const note =
    expired.length > 0 ? `${ms / 1000} s passed; expired: ${list(expired)}.` : `${ms / 1000} s passed; nothing expired.`;
  return { ...sim, last: "time", evicted: [], expired, note };
}

export function resize(current: CacheSim, capacity: number): CacheSim {
  const { sim, expired } = expire(current);
  const entries = sim.entries.slice(0, capacity);
  const evicted = sim.entries.slice(capacity).map((entry) => entry.key);
  return {
    ...sim,
    capacity,
    entries,
    evictions: sim.evictions + evicted.length,
    last: "resize",
    evicted,
    expired,
    note: evicted.length > 0 ? `Capacity ${capacity}; evicted ${list(evicted)}.` : `Capacity ${capacity}.`,
  };
}

/** Seconds left for an entry, or null when it never expires. */
export function secondsLeft(sim: CacheSim, entry: CacheEntry): number | null {
  return entry.expiresAt === null ? null : Math.max(0, (entry.expiresAt - sim.now) / 1000);
}

export function hitRatio(sim: CacheSim): number | null {
  const lookups = sim.hits + sim.misses;
  return lookups === 0 ? null : sim.hits / lookups;
}

/** What the picture shows, in words, for the live region. */
export function describeCache(sim: CacheSim): string {
  const order =
    sim.entries.length === 0
      ? "The cache is empty."
      : `From most to least recently used: ${sim.entries
          .map((entry) => {
            const left = secondsLeft(sim, entry);
            return `${entry.key}=${entry.value}${left === null ? "" : ` (${left} s left)`}`;
          })
          .join(", ")}.`;
  const ratio = hitRatio(sim);
  const stats = `${sim.hits} hits, ${sim.misses} misses${ratio === null ? "" : ` (hit ratio ${Math.round(ratio * 100)}%)`}, ${
    sim.evictions
  } evictions, ${sim.expirations} expired. Clock ${sim.now / 1000} s.`;
  return `${sim.note} ${order} ${stats}`;
}

// ---- stampede ----------------------------------------------------------------------

export const RATE_CHOICES: readonly number[] = [100, 1_000, 5_000, 20_000];
export const RELOAD_CHOICES: readonly number[] = [50, 200, 1_000];
export const SERVER_CHOICES: readonly number[] = [1, 10, 50];

export interface Stampede {
  /** Requests that arrive while the first reload runs, all of which miss. */
  missesDuringReload: number;
  /** Database queries caused by this one expiry. */
  databaseQueries: number;
}

/**
 * One hot key expires. Requests arrive at `ratePerSecond` spread over `servers` app
 * servers, and a reload takes `reloadMs`. Without single flight every request that
 * arrives before the value is back queries the database; with single flight each server
 * sends one query (a shared lock or lease would make it one in total).
 */
export function stampede(ratePerSecond: number, reloadMs: number, servers: number, singleFlight: boolean): Stampede {
  const missesDuringReload = Math.max(1, Math.round((ratePerSecond * reloadMs) / 1000));
  const databaseQueries = singleFlight ? Math.min(servers, missesDuringReload) : missesDuringReload;
  return { missesDuringReload, databaseQueries };
}

export function describeStampede(ratePerSecond: number, reloadMs: number, servers: number, singleFlight: boolean): string {
  const result = stampede(ratePerSecond, reloadMs, servers, singleFlight);
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
  return `A key read ${ratePerSecond.toLocaleString("en-US")} times a second expires and takes ${reloadMs} ms to reload: ${plural(result.missesDuringReload, "request", "requests")} miss meanwhile. ${
    singleFlight ? `With single flight on ${plural(servers, "server", "servers")}` : "Without single flight"
  }, the database gets ${plural(result.databaseQueries, "query", "queries")}.`;
}
