import { describe, expect, it } from "vitest";
import { sharedMaxAge, StaticPageCache, type CacheRequest, type CacheResponse, type Lookup } from "./static-page-cache";

const prerendered = new Set(["/", "/concepts/caching"]);
const SECURITY = {
  "content-security-policy": "default-src 'self'",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
};

function page(headers: CacheResponse["headers"] = {}, statusCode = 200): CacheResponse {
  return {
    statusCode,
    headers: {
      ...SECURITY,
      "cache-control": "s-maxage=31536000",
      "x-nextjs-cache": "HIT",
      "x-nextjs-prerender": "1",
      vary: "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding",
      etag: '"abc"',
      "content-type": "text/html; charset=utf-8",
      ...headers,
    },
  };
}

function get(url: string, headers: CacheRequest["headers"] = {}, method = "GET"): CacheRequest {
  return { method, url, headers: { host: "localhost", "accept-encoding": "gzip", ...headers } };
}

function setup(options: Partial<ConstructorParameters<typeof StaticPageCache>[0]> = {}) {
  let now = 1_000;
  const cache = new StaticPageCache({ isPrerendered: (path) => prerendered.has(path), now: () => now, ...options });
  const fill = (request: CacheRequest, response: CacheResponse = page(), body = Buffer.from("<html>lesson</html>")) => {
    const found = cache.lookup(request);
    if (found.kind !== "miss") throw new Error(`expected a miss, got ${found.kind}`);
    return cache.store(found.key, response, body);
  };
  return { cache, fill, advance: (ms: number) => (now += ms) };
}

function expectHit(found: Lookup): Extract<Lookup, { kind: "hit" }> {
  if (found.kind !== "hit") throw new Error(`expected a hit, got ${found.kind}`);
  return found;
}

describe("which requests the cache may answer", () => {
  it("answers GET and HEAD of a prerendered route only", () => {
    const { cache } = setup();
    expect(cache.lookup(get("/concepts/caching")).kind).toBe("miss");
    expect(cache.lookup(get("/concepts/caching", {}, "HEAD")).kind).toBe("miss");
    expect(cache.lookup(get("/concepts/caching", {}, "POST")).kind).toBe("bypass");
    expect(cache.lookup(get("/dashboard")).kind).toBe("bypass");
    expect(cache.lookup(get("/concepts/Caching")).kind).toBe("bypass");
  });

  it("never answers the API or Next.js's own files, even if a manifest listed them", () => {
    const { cache } = setup({ isPrerendered: () => true });
    expect(cache.lookup(get("/api/me")).kind).toBe("bypass");
    expect(cache.lookup(get("/_next/static/chunks/a.js")).kind).toBe("bypass");
  });

  it("passes on a query string: it may ask for the RSC payload (?_rsc=) or for something a page reads", () => {
    const { cache } = setup();
    expect(cache.lookup(get("/concepts/caching?_rsc=1x2")).kind).toBe("bypass");
    expect(cache.lookup(get("/concepts/caching?")).kind).toBe("bypass");
  });

  it.each([
    ["rsc", "1"],
    ["next-router-state-tree", "%5B%5D"],
    ["next-router-prefetch", "1"],
    ["next-router-segment-prefetch", "/_tree"],
    ["next-url", "/"],
    ["next-action", "abc"],
    ["x-prerender-revalidate", "secret"],
    ["range", "bytes=0-10"],
    ["authorization", "Basic x"],
    ["content-type", "multipart/form-data; boundary=x"],
  ])("passes on a request with the %s header", (name, value) => {
    const { cache } = setup();
    expect(cache.lookup(get("/concepts/caching", { [name]: value })).kind).toBe("bypass");
  });
});

describe("what it keeps", () => {
  it("serves Next.js's answer back byte for byte, with all of its headers", () => {
    const { cache, fill } = setup();
    const body = Buffer.from("<html>the lesson</html>");
    expect(fill(get("/concepts/caching"), page(), body)).toBe(true);
    const hit = expectHit(cache.lookup(get("/concepts/caching")));
    expect(hit.status).toBe(200);
    expect(hit.body?.equals(body)).toBe(true);
    expect(hit.headers).toMatchObject(SECURITY);
    expect(hit.headers.vary).toContain("Accept-Encoding");
    expect(StaticPageCache.responseHeaders(hit)["Content-Length"]).toBe(body.length);
  });

  it("sends the header names as Next.js wrote them", () => {
    const { cache, fill } = setup();
    const response = page({ etag: undefined });
    response.headers.etag = '"abc"';
    fill(get("/concepts/caching"), { ...response, rawNames: [...Object.keys(response.headers).filter((name) => name !== "etag"), "ETag"] });
    const hit = expectHit(cache.lookup(get("/concepts/caching", { "if-none-match": '"other"' })));
    expect(hit.headers).toHaveProperty("ETag", '"abc"');
    expect(hit.headers).not.toHaveProperty("etag");
  });

  it("does not keep per-request headers (request id, date) or framing", () => {
    const { cache, fill } = setup();
    fill(get("/concepts/caching"), page({ "x-request-id": "r1", date: "Wed, 02 Dec 2026 06:00:00 GMT", "transfer-encoding": "chunked", connection: "keep-alive" }));
    const { headers } = expectHit(cache.lookup(get("/concepts/caching")));
    expect(Object.keys(headers)).not.toEqual(expect.arrayContaining(["x-request-id"]));
    for (const name of ["x-request-id", "date", "transfer-encoding", "connection"]) expect(headers).not.toHaveProperty(name);
  });

  it("keeps one copy per Accept-Encoding: a gzip body never goes to a client that asked for identity", () => {
    const { cache, fill } = setup();
    fill(get("/concepts/caching", { "accept-encoding": "gzip" }), page({ "content-encoding": "gzip" }), Buffer.from("gzipped"));
    expect(cache.lookup(get("/concepts/caching", { "accept-encoding": "identity" })).kind).toBe("miss");
    expect(cache.lookup(get("/concepts/caching", { "accept-encoding": undefined })).kind).toBe("miss");
    expect(expectHit(cache.lookup(get("/concepts/caching", { "accept-encoding": "gzip" }))).body?.toString()).toBe("gzipped");
  });

  it("keeps HEAD apart from GET, with Next.js's Content-Length and no body", () => {
    const { cache, fill } = setup();
    fill(get("/concepts/caching", {}, "HEAD"), page({ "content-length": 5000 }), Buffer.alloc(0));
    expect(cache.lookup(get("/concepts/caching")).kind).toBe("miss");
    const hit = expectHit(cache.lookup(get("/concepts/caching", {}, "HEAD")));
    expect(hit.body).toBeUndefined();
    expect(StaticPageCache.responseHeaders(hit)["content-length"]).toBe(5000);
    expect(StaticPageCache.responseHeaders(hit)).not.toHaveProperty("Content-Length");
  });

  it("refuses a GET whose body is not the length Next.js announced", () => {
    const { fill } = setup();
    expect(fill(get("/concepts/caching"), page({ "content-length": 999 }), Buffer.from("short"))).toBe(false);
  });

  it.each([
    ["not a prerender cache hit", page({ "x-nextjs-cache": undefined })],
    ["a stale prerender", page({ "x-nextjs-cache": "STALE" })],
    ["a first render", page({ "x-nextjs-cache": "MISS" })],
    ["a cookie being set", page({ "set-cookie": ["session=1"] })],
    ["private", page({ "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" })],
    ["no shared lifetime", page({ "cache-control": "public" })],
    ["Vary on Cookie", page({ vary: "Accept-Encoding, Cookie" })],
    ["Vary *", page({ vary: "*" })],
    ["a 404", page({}, 404)],
    ["a redirect", page({ location: "/" }, 308)],
  ])("does not keep an answer with %s", (_why, response) => {
    const { cache, fill } = setup();
    expect(fill(get("/concepts/caching"), response)).toBe(false);
    expect(cache.lookup(get("/concepts/caching")).kind).toBe("miss");
  });

  it("forgets a page after its shared max-age", () => {
    const { cache, fill, advance } = setup();
    fill(get("/concepts/caching"), page({ "cache-control": "s-maxage=60, stale-while-revalidate=31535940" }));
    advance(59_000);
    expect(cache.lookup(get("/concepts/caching")).kind).toBe("hit");
    advance(1_000);
    expect(cache.lookup(get("/concepts/caching")).kind).toBe("miss");
    expect(cache.bytes).toBe(0);
  });
});

describe("conditional requests", () => {
  it("passes a matching If-None-Match to Next.js until it has seen Next.js's 304, then answers it alike", () => {
    const { cache, fill } = setup();
    fill(get("/concepts/caching"));
    const conditional = get("/concepts/caching", { "if-none-match": '"abc"' });
    const first = cache.lookup(conditional);
    expect(first.kind).toBe("miss");
    if (first.kind !== "miss") return;
    const notModified = { ...page().headers };
    delete notModified["content-type"];
    expect(cache.store(first.key, { statusCode: 304, headers: notModified }, Buffer.alloc(0))).toBe(true);
    const hit = expectHit(cache.lookup(conditional));
    expect(hit.status).toBe(304);
    expect(hit.body).toBeUndefined();
    expect(hit.headers).toMatchObject({ ...SECURITY, etag: '"abc"' });
    expect(hit.headers).not.toHaveProperty("content-type");
  });

  it("answers a stale or weak-mismatched If-None-Match, or no-cache, with the full page", () => {
    const { cache, fill } = setup();
    fill(get("/concepts/caching"));
    expect(expectHit(cache.lookup(get("/concepts/caching", { "if-none-match": '"old"' }))).status).toBe(200);
    expect(expectHit(cache.lookup(get("/concepts/caching", { "if-none-match": '"abc"', "cache-control": "no-cache" }))).status).toBe(200);
    expect(cache.lookup(get("/concepts/caching", { "if-none-match": 'W/"abc"' })).kind).toBe("miss");
  });

  it("keeps no 304 for a page it does not hold", () => {
    const { cache } = setup();
    const found = cache.lookup(get("/concepts/caching", { "if-none-match": '"abc"' }));
    if (found.kind !== "miss") throw new Error("expected a miss");
    expect(cache.store(found.key, page({}, 304), Buffer.alloc(0))).toBe(false);
  });
});

describe("bounds", () => {
  it("stays under its byte bound, dropping the least recently used page", () => {
    const { cache, fill } = setup({ maxBytes: 250 });
    fill(get("/"), page(), Buffer.alloc(100));
    fill(get("/concepts/caching"), page(), Buffer.alloc(100));
    expect(cache.lookup(get("/")).kind).toBe("hit"); // "/" is now the most recently used
    fill(get("/", { "accept-encoding": "identity" }), page(), Buffer.alloc(100));
    expect(cache.bytes).toBeLessThanOrEqual(250);
    expect(cache.lookup(get("/concepts/caching")).kind).toBe("miss");
    expect(cache.lookup(get("/")).kind).toBe("hit");
  });

  it("does not keep a page bigger than one entry may be", () => {
    const { cache, fill } = setup({ maxEntryBytes: 10 });
    expect(fill(get("/"), page(), Buffer.alloc(11))).toBe(false);
    expect(cache.size).toBe(0);
  });

  it("keeps only a few Accept-Encoding variants of a route: odd values push out each other, not other routes", () => {
    const { cache, fill } = setup({ maxVariantsPerPath: 2 });
    fill(get("/"), page(), Buffer.alloc(10));
    for (const value of ["x1", "x2", "x3"]) fill(get("/concepts/caching", { "accept-encoding": value }), page(), Buffer.alloc(10));
    expect(cache.size).toBe(3);
    expect(cache.lookup(get("/")).kind).toBe("hit");
    expect(cache.lookup(get("/concepts/caching", { "accept-encoding": "x1" })).kind).toBe("miss");
    expect(cache.lookup(get("/concepts/caching", { "accept-encoding": "x3" })).kind).toBe("hit");
  });

  it("empties when the build id changes, and not when it is the same", () => {
    const { cache, fill } = setup();
    cache.setBuildId("build-1");
    fill(get("/"));
    cache.setBuildId("build-1");
    expect(cache.size).toBe(1);
    cache.setBuildId("build-2");
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });
});

describe("sharedMaxAge", () => {
  it("reads s-maxage before max-age and refuses private answers", () => {
    expect(sharedMaxAge("s-maxage=31536000")).toBe(31536000);
    expect(sharedMaxAge("max-age=10, s-maxage=60")).toBe(60);
    expect(sharedMaxAge("public, max-age=10")).toBe(10);
    expect(sharedMaxAge("private, max-age=10")).toBeNull();
    expect(sharedMaxAge("s-maxage=0")).toBeNull();
    expect(sharedMaxAge(undefined)).toBeNull();
  });
});
