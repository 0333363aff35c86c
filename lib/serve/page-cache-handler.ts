// The static page cache on a node:http server: answer a hit at once, or pass the request
// to Next.js and keep a copy of the bytes it writes (after its compression) when the
// answer turns out to be a prerendered page.
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { CACHE_STATUS_HEADER, StaticPageCache } from "./static-page-cache";
import { tapBody } from "./tap-body";

type Handler = (request: IncomingMessage, response: ServerResponse) => unknown;

/** Wraps Next.js's handler: hits never reach it; misses do, and are recorded as they pass. */
export function withPageCache(cache: StaticPageCache, handle: Handler, maxEntryBytes = 2 * 1024 * 1024): Handler {
  return (request, response) => {
    const found = cache.lookup(request);
    if (found.kind === "hit") {
      response.writeHead(found.status, { ...StaticPageCache.responseHeaders(found), [CACHE_STATUS_HEADER]: "HIT" });
      response.end(found.body);
      return;
    }
    if (found.kind === "miss") record(cache, found.key, response, maxEntryBytes);
    return handle(request, response);
  };
}

function record(cache: StaticPageCache, key: string, response: ServerResponse, maxEntryBytes: number): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let overflow = false;
  tapBody(response, (chunk, encoding) => {
    if (overflow) return;
    // A copy: the caller may reuse its buffer once write() returns.
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, encoding ?? "utf8") : Buffer.from(chunk);
    size += buffer.length;
    if (size > maxEntryBytes) {
      overflow = true;
      chunks.length = 0;
      return;
    }
    chunks.push(buffer);
  });
  response.once("finish", () => {
    if (overflow) return;
    const headers = response.getHeaders() as Record<string, string | number | string[] | undefined>;
    // Node has had getRawHeaderNames since 15.13; @types/node does not declare it.
    const rawNames = (response as unknown as { getRawHeaderNames?: () => string[] }).getRawHeaderNames?.();
    cache.store(key, { statusCode: response.statusCode, headers, rawNames }, Buffer.concat(chunks));
  });
}

export interface BuildInfo {
  buildId: string;
  prerendered: Set<string>;
}

/** The build's id and the routes it prerendered, read from the dist folder Next.js serves. */
export function readBuildInfo(distDir: string): BuildInfo {
  const buildId = readFileSync(path.join(distDir, "BUILD_ID"), "utf8").trim();
  const manifest = JSON.parse(readFileSync(path.join(distDir, "prerender-manifest.json"), "utf8")) as { routes?: Record<string, unknown> };
  return { buildId, prerendered: new Set(Object.keys(manifest.routes ?? {})) };
}
