// The component catalog of the design check (design-check.md, "The catalog"): capacity,
// idle p99 and storage for size "m". Rules of thumb to reason with, not benchmarks.

export const KINDS = [
  "client",
  "dns",
  "cdn",
  "load-balancer",
  "api-gateway",
  "service",
  "worker",
  "cache",
  "queue",
  "database",
  "search-index",
  "object-store",
  "external",
] as const;
export type Kind = (typeof KINDS)[number];

export const SIZES = ["s", "m", "l"] as const;
export type Size = (typeof SIZES)[number];
export const SIZE_FACTOR: Record<Size, number> = { s: 0.5, m: 1, l: 2 };

/** Kinds that take `size` and `instances`. */
export const SIZED_KINDS: ReadonlySet<Kind> = new Set<Kind>([
  "load-balancer",
  "api-gateway",
  "service",
  "worker",
  "cache",
  "queue",
  "database",
  "search-index",
  "object-store",
]);
/** Kinds that take `replicas`: their instances are shards. */
export const REPLICATED_KINDS: ReadonlySet<Kind> = new Set<Kind>(["database", "cache"]);
/** Kinds that take `hitRatio`. */
export const CACHING_KINDS: ReadonlySet<Kind> = new Set<Kind>(["cache", "cdn"]);
/** Kinds that absorb everything that reaches them; their outgoing edges are ignored. */
export const TERMINAL_KINDS: ReadonlySet<Kind> = new Set<Kind>(["database", "search-index", "object-store", "external"]);
/** The stores of a cache-aside pair (and the nodes that make a cache write an invalidation). */
export const CACHE_ASIDE_STORE_KINDS = TERMINAL_KINDS;
/** Kinds that divide a type's rate evenly over their outgoing edges; the others fan out. */
export const SPLIT_KINDS: ReadonlySet<Kind> = new Set<Kind>(["client", "cdn", "load-balancer", "api-gateway"]);
/** Never judged by redundancy or failover: managed, or not ours. */
export const UNJUDGED_KINDS: ReadonlySet<Kind> = new Set<Kind>(["client", "dns", "cdn", "object-store", "external"]);

export interface KindFigures {
  /** Requests/s per instance (size "m"); reads for the replicated kinds; Infinity: unlimited. */
  readCapacity: number;
  /** Writes/s per instance; equal to readCapacity for kinds that do not tell reads from writes. */
  writeCapacity: number;
  readP99Ms: number;
  writeP99Ms: number;
  /** GB per copy (size "m"); 0 where the kind stores nothing, Infinity where unlimited. */
  storageGb: number;
  /** Reads and writes use separate terms of the utilization formula (database, cache, object-store). */
  separateReadWrite: boolean;
}

const figures = (capacity: number, p99Ms: number): KindFigures => ({
  readCapacity: capacity,
  writeCapacity: capacity,
  readP99Ms: p99Ms,
  writeP99Ms: p99Ms,
  storageGb: 0,
  separateReadWrite: false,
});

export const CATALOG: Record<Kind, KindFigures> = {
  client: figures(Infinity, 0),
  dns: figures(Infinity, 0),
  cdn: figures(Infinity, 10),
  "load-balancer": figures(50_000, 1),
  "api-gateway": figures(20_000, 2),
  service: figures(1_000, 20),
  worker: figures(1_000, 50),
  cache: { ...figures(100_000, 0.5), storageGb: 128, separateReadWrite: true },
  queue: figures(50_000, 5),
  database: { readCapacity: 10_000, writeCapacity: 2_000, readP99Ms: 5, writeP99Ms: 10, storageGb: 2_000, separateReadWrite: true },
  "search-index": figures(2_000, 30),
  "object-store": { readCapacity: 20_000, writeCapacity: 3_500, readP99Ms: 50, writeP99Ms: 50, storageGb: Infinity, separateReadWrite: true },
  external: figures(Infinity, 200),
};

/** What a learner calls each kind in a message. */
export const KIND_NAMES: Record<Kind, string> = {
  client: "client",
  dns: "DNS",
  cdn: "CDN",
  "load-balancer": "load balancer",
  "api-gateway": "API gateway",
  service: "service",
  worker: "worker",
  cache: "cache",
  queue: "queue",
  database: "database",
  "search-index": "search index",
  "object-store": "object store",
  external: "external system",
};

export const CHECK_IDS = ["structure", "capacity", "headroom", "latency", "redundancy", "failover", "storage", "async"] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** Relative tolerance of every threshold comparison (design-check.md: "allowing a relative 1e-9"). */
export const EPSILON = 1e-9;
/** a <= b, allowing a relative 1e-9. */
export const atMost = (a: number, b: number): boolean => a <= b + EPSILON * Math.abs(b);
/** a >= b, allowing a relative 1e-9. */
export const atLeast = (a: number, b: number): boolean => a >= b - EPSILON * Math.abs(b);
/** a < b, where a within 1e-9 of b counts as reaching it. */
export const below = (a: number, b: number): boolean => !atLeast(a, b);
