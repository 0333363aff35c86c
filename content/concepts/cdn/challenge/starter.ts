import type { Clock } from "./support";

export interface OriginResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export interface EdgeResult {
  status: number;
  body: string;
  cache: "HIT" | "MISS" | "STALE" | "BYPASS";
}

/**
 * One CDN edge in front of an origin.
 * - Freshness comes from the origin's `cache-control` header: s-maxage wins over max-age.
 * - no-store or private: never stored, answered as BYPASS (a 5xx passes through as MISS).
 * - Concurrent misses for one path share one origin call.
 * - stale-if-error=N lets an expired entry be served as STALE for N seconds after it expired
 *   when the origin fails.
 * - More than maxEntries entries: evict the least recently used.
 */
export class EdgeCache {
  constructor(private readonly opts: { origin: (path: string) => Promise<OriginResponse>; now: Clock; maxEntries: number }) {}

  async get(path: string): Promise<EdgeResult> {
    // TODO: look up the cache, coalesce misses, store what may be stored.
    const response = await this.opts.origin(path);
    return { status: response.status, body: response.body, cache: "MISS" };
  }

  /** "/img/*" removes every path starting with "/img/"; anything else removes that exact path. */
  purge(pathOrPrefix: string): number {
    void pathOrPrefix;
    return 0;
  }
}
