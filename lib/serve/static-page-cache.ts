// A memory cache of prerendered pages in front of Next.js's request handler
// (docs/decisions/023-static-page-cache.md). A lesson is rendered once at build, yet
// Next.js spends 4-6 ms of CPU handing out each copy (reading its cache entry, hashing
// 160 KB for the ETag, compressing); serving the bytes it sent last time costs a
// fraction of that. Only what Next.js itself marks as a prerendered cache hit is kept,
// byte for byte with its headers (CSP and the other security headers included), and only
// for requests that cannot ask for anything else: GET/HEAD of a prerendered route, no query
// string, no router (RSC) headers, keyed by method and Accept-Encoding (what the page's Vary
// names besides the router headers). Nothing here reads cookies: a prerendered page is
// the same for every visitor; what is a learner's own arrives from /api afterwards.
import { createRequire } from "node:module";

export type HeaderValue = string | number | string[];

export interface CacheRequest {
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

export interface CacheResponse {
  statusCode: number;
  /** By lower-case name (ServerResponse.getHeaders()). */
  headers: Record<string, HeaderValue | undefined>;
  /** The names as Next.js wrote them (getRawHeaderNames()), so a hit sends them alike. */
  rawNames?: string[];
}

export interface CachedPage {
  status: number;
  /** As Next.js set them (its names' case too), without per-request and framing headers. */
  headers: Record<string, HeaderValue>;
  body: Buffer;
  etag: string | undefined;
  expiresAt: number;
}

export type Lookup =
  | { kind: "bypass" } // not a request this cache may answer: hand it to Next.js untouched
  | { kind: "miss"; key: string } // may be stored once Next.js has answered
  | { kind: "hit"; page: CachedPage; status: number; headers: Record<string, HeaderValue>; body: Buffer | undefined };

export interface StaticPageCacheOptions {
  /** Routes Next.js prerendered (the build's prerender-manifest.json), e.g. "/concepts/caching". */
  isPrerendered: (path: string) => boolean;
  /** Upper bound on the bodies held, in bytes; least recently used variants go first. */
  maxBytes?: number;
  /** One page is not worth more than this (a bigger one is served by Next.js every time). */
  maxEntryBytes?: number;
  /** Accept-Encoding values kept per route and method; a client cycling odd values evicts only its own. */
  maxVariantsPerPath?: number;
  now?: () => number;
}

// Headers by which Next.js's router asks for something other than the page's HTML (the RSC
// payload, a prefetch, a segment), or asks Next.js to act (on-demand revalidation, a server
// action); a request carrying any of them goes to Next.js.
const ROUTER_HEADER = /^(rsc|next-[a-z-]+|x-nextjs-[a-z-]+|x-prerender-[a-z-]+|x-middleware-[a-z-]+|purpose|range|if-range|authorization)$/;
// What the page may Vary on: the router headers (refused above) and Accept-Encoding (in the key).
const VARY_COVERED = new Set(["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url", "accept-encoding"]);
// Per request (x-request-id, Date), or framing that Node sets for the body it sends.
// Content-Length stays: a HEAD answer carries the page's length without the page.
const NOT_STORED = new Set(["x-request-id", "date", "connection", "keep-alive", "transfer-encoding"]);

export const CACHE_STATUS_HEADER = "x-blueprint-page-cache";

// The very function Next.js decides a 304 with (send-payload.js), so both answer alike.
const fresh = createRequire(import.meta.url)("next/dist/compiled/fresh") as (
  requestHeaders: Record<string, string | string[] | undefined>,
  responseHeaders: { etag?: string; "last-modified"?: string },
) => boolean;

function headerText(value: string | string[] | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(", ") : String(value);
}

/** Seconds a shared cache may keep the response (s-maxage, else max-age); null when it may not. */
export function sharedMaxAge(cacheControl: string | undefined): number | null {
  if (!cacheControl) return null;
  const directives = cacheControl.toLowerCase().split(",").map((part) => part.trim());
  if (directives.some((d) => d === "private" || d === "no-store" || d === "no-cache" || d.startsWith("private=") || d.startsWith("no-cache="))) return null;
  const read = (name: string) => {
    const found = directives.find((d) => d.startsWith(`${name}=`));
    const seconds = found ? Number(found.slice(name.length + 1).replace(/"/g, "")) : NaN;
    return Number.isFinite(seconds) ? seconds : null;
  };
  const seconds = read("s-maxage") ?? read("max-age");
  return seconds !== null && seconds > 0 ? seconds : null;
}

export class StaticPageCache {
  readonly #pages = new Map<string, CachedPage>(); // insertion order = least recently used first
  readonly #notModified = new Map<string, Record<string, HeaderValue>>();
  readonly #options: Required<StaticPageCacheOptions>;
  #bytes = 0;
  #buildId: string | undefined;

  constructor(options: StaticPageCacheOptions) {
    this.#options = { maxBytes: 64 * 1024 * 1024, maxEntryBytes: 2 * 1024 * 1024, maxVariantsPerPath: 4, now: Date.now, ...options };
  }

  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#pages.size;
  }

  /** A new build serves new pages: everything kept from the old one goes. */
  setBuildId(buildId: string): void {
    if (buildId === this.#buildId) return;
    this.#buildId = buildId;
    this.clear();
  }

  clear(): void {
    this.#pages.clear();
    this.#notModified.clear();
    this.#bytes = 0;
  }

  /** The path this cache would key the request under, or null when the request is not one it may answer. */
  static cacheablePath(request: CacheRequest): string | null {
    if (request.method !== "GET" && request.method !== "HEAD") return null;
    const url = request.url ?? "";
    if (!url.startsWith("/") || url.includes("?") || url.includes("#")) return null;
    if (url.startsWith("/api/") || url.startsWith("/_next/")) return null;
    for (const name of Object.keys(request.headers)) if (ROUTER_HEADER.test(name)) return null;
    // Next.js hands a multipart form to a server action even without its header (the manifest's experimentalBypassFor).
    if (/^multipart\/form-data/i.test(headerText(request.headers["content-type"]) ?? "")) return null;
    return url;
  }

  #key(request: CacheRequest, path: string): string {
    return `${request.method} ${path}\n${headerText(request.headers["accept-encoding"]) ?? ""}`;
  }

  lookup(request: CacheRequest): Lookup {
    const path = StaticPageCache.cacheablePath(request);
    if (path === null || !this.#options.isPrerendered(path)) return { kind: "bypass" };
    const key = this.#key(request, path);
    const page = this.#pages.get(key);
    if (!page) return { kind: "miss", key };
    if (page.expiresAt <= this.#options.now()) {
      this.#delete(key);
      return { kind: "miss", key };
    }
    this.#pages.delete(key);
    this.#pages.set(key, page);
    if (fresh(request.headers, { etag: page.etag })) {
      // Answered with exactly the 304 Next.js sent for this variant once it has sent one.
      const headers = this.#notModified.get(key);
      return headers ? { kind: "hit", page, status: 304, headers, body: undefined } : { kind: "miss", key };
    }
    return { kind: "hit", page, status: page.status, headers: page.headers, body: request.method === "HEAD" ? undefined : page.body };
  }

  /** The headers to send with a hit: a GET's body is sent whole, so its length is known even where Next.js streamed it compressed. */
  static responseHeaders(hit: Extract<Lookup, { kind: "hit" }>): Record<string, HeaderValue> {
    if (hit.body === undefined) return hit.headers;
    const headers: Record<string, HeaderValue> = {};
    for (const [name, value] of Object.entries(hit.headers)) if (name.toLowerCase() !== "content-length") headers[name] = value;
    headers["Content-Length"] = hit.body.length;
    return headers;
  }

  /** Whether Next.js's answer is a prerendered page that every client of this key would get. */
  static storable(response: CacheResponse): boolean {
    const { headers } = response;
    if (response.statusCode !== 200 && response.statusCode !== 304) return false;
    // Next.js's own word that this came from its prerender cache, fresh.
    if (headerText(headers["x-nextjs-cache"])?.toUpperCase() !== "HIT") return false;
    if (headers["set-cookie"] !== undefined) return false;
    if (sharedMaxAge(headerText(headers["cache-control"])) === null) return false;
    const vary = (headerText(headers.vary) ?? "").toLowerCase().split(",").map((field) => field.trim()).filter(Boolean);
    return vary.every((field) => VARY_COVERED.has(field));
  }

  /** Keeps Next.js's answer for a key that lookup() called a miss, if it is storable. Returns whether it was kept. */
  store(key: string, response: CacheResponse, body: Buffer): boolean {
    if (!StaticPageCache.storable(response) || body.length > this.#options.maxEntryBytes) return false;
    const headers: Record<string, HeaderValue> = {};
    for (const name of response.rawNames ?? Object.keys(response.headers)) {
      const lower = name.toLowerCase();
      const value = response.headers[lower];
      if (value !== undefined && !NOT_STORED.has(lower) && lower !== CACHE_STATUS_HEADER) headers[name] = value;
    }
    if (response.statusCode === 304) {
      // Only beside the 200 it revalidates, so it goes when that goes.
      if (!this.#pages.has(key)) return false;
      this.#notModified.set(key, headers);
      return true;
    }
    const length = headerText(response.headers["content-length"]);
    if (key.startsWith("GET ") && length !== undefined && Number(length) !== body.length) return false; // not the whole body
    const maxAge = sharedMaxAge(headerText(response.headers["cache-control"])) ?? 0;
    this.#delete(key);
    this.#pages.set(key, { status: 200, headers, body, etag: headerText(response.headers.etag), expiresAt: this.#options.now() + maxAge * 1000 });
    this.#bytes += body.length;
    this.#evict(key);
    return true;
  }

  #delete(key: string): void {
    const page = this.#pages.get(key);
    if (!page) return;
    this.#bytes -= page.body.length;
    this.#pages.delete(key);
    this.#notModified.delete(key);
  }

  #evict(justStored: string): void {
    const prefix = justStored.slice(0, justStored.indexOf("\n") + 1);
    const variants = [...this.#pages.keys()].filter((key) => key.startsWith(prefix));
    for (const key of variants.slice(0, Math.max(0, variants.length - this.#options.maxVariantsPerPath))) this.#delete(key);
    for (const key of this.#pages.keys()) {
      if (this.#bytes <= this.#options.maxBytes) break;
      this.#delete(key);
    }
  }
}
