// solution-canary:cdn (tests/e2e/bundle.spec.ts: this string must never reach a browser)
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

interface Entry {
  status: number;
  body: string;
  storedAt: number;
  lifetimeMs: number;
  /** How long after expiry the entry may still be served when the origin fails (ms). */
  staleIfErrorMs: number | undefined;
}

interface Directives {
  noStore: boolean;
  isPrivate: boolean;
  /** s-maxage if present, else max-age, in ms; undefined when neither is given. */
  lifetimeMs: number | undefined;
  staleIfErrorMs: number | undefined;
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) return headers[key];
  return undefined;
}

function seconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim().replace(/^"(.*)"$/, "$1");
  if (!/^\d+$/.test(trimmed)) return undefined;
  return Number(trimmed) * 1000;
}

function parseCacheControl(header: string | undefined): Directives {
  const found = new Map<string, string | undefined>();
  for (const part of (header ?? "").split(",")) {
    const [rawName = "", ...rest] = part.split("=");
    const name = rawName.trim().toLowerCase();
    if (name && !found.has(name)) found.set(name, rest.length > 0 ? rest.join("=") : undefined);
  }
  const sMaxAge = seconds(found.get("s-maxage"));
  return {
    noStore: found.has("no-store"),
    isPrivate: found.has("private"),
    lifetimeMs: sMaxAge ?? seconds(found.get("max-age")),
    staleIfErrorMs: seconds(found.get("stale-if-error")),
  };
}

/**
 * The cache of one CDN edge. Entries live in a Map whose iteration order is recency
 * order (delete + set moves a path to the back), so the first key is the least
 * recently used. In-flight origin calls are shared per path.
 */
export class EdgeCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<EdgeResult>>();
  private readonly origin: (path: string) => Promise<OriginResponse>;
  private readonly now: Clock;
  private readonly maxEntries: number;

  constructor(opts: { origin: (path: string) => Promise<OriginResponse>; now: Clock; maxEntries: number }) {
    this.origin = opts.origin;
    this.now = opts.now;
    this.maxEntries = opts.maxEntries;
  }

  get(path: string): Promise<EdgeResult> {
    const entry = this.entries.get(path);
    if (entry && this.now() - entry.storedAt < entry.lifetimeMs) {
      this.touch(path, entry);
      return Promise.resolve({ status: entry.status, body: entry.body, cache: "HIT" });
    }
    const pending = this.inFlight.get(path);
    if (pending) return pending;
    const flight = this.fetch(path).finally(() => {
      if (this.inFlight.get(path) === flight) this.inFlight.delete(path);
    });
    this.inFlight.set(path, flight);
    return flight;
  }

  purge(pathOrPrefix: string): number {
    if (!pathOrPrefix.endsWith("*")) return this.entries.delete(pathOrPrefix) ? 1 : 0;
    const prefix = pathOrPrefix.slice(0, -1);
    let removed = 0;
    for (const path of [...this.entries.keys()]) {
      if (path.startsWith(prefix)) {
        this.entries.delete(path);
        removed++;
      }
    }
    return removed;
  }

  private async fetch(path: string): Promise<EdgeResult> {
    let response: OriginResponse;
    try {
      response = await this.origin(path);
    } catch (error) {
      const stale = this.staleFor(path);
      if (stale) return stale;
      throw error;
    }
    if (response.status >= 500) {
      const stale = this.staleFor(path);
      if (stale) return stale;
      return { status: response.status, body: response.body, cache: "MISS" };
    }
    const directives = parseCacheControl(headerValue(response.headers, "cache-control"));
    if (directives.noStore || directives.isPrivate) {
      return { status: response.status, body: response.body, cache: "BYPASS" };
    }
    if (response.status === 200 && directives.lifetimeMs !== undefined && directives.lifetimeMs > 0) {
      this.touch(path, {
        status: response.status,
        body: response.body,
        storedAt: this.now(),
        lifetimeMs: directives.lifetimeMs,
        staleIfErrorMs: directives.staleIfErrorMs,
      });
      while (this.entries.size > this.maxEntries) {
        const oldest = this.entries.keys().next().value;
        if (oldest === undefined) break;
        this.entries.delete(oldest);
      }
    }
    return { status: response.status, body: response.body, cache: "MISS" };
  }

  /** The expired entry for `path` as a STALE result, if stale-if-error still covers it. */
  private staleFor(path: string): EdgeResult | undefined {
    const entry = this.entries.get(path);
    if (!entry || entry.staleIfErrorMs === undefined) return undefined;
    const expiredAt = entry.storedAt + entry.lifetimeMs;
    if (this.now() - expiredAt > entry.staleIfErrorMs) return undefined;
    return { status: entry.status, body: entry.body, cache: "STALE" };
  }

  private touch(path: string, entry: Entry): void {
    this.entries.delete(path);
    this.entries.set(path, entry);
  }
}
