import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { withPageCache } from "./page-cache-handler";
import { CACHE_STATUS_HEADER, StaticPageCache } from "./static-page-cache";

// Stands in for Next.js's handler: answers a prerendered page the way Next.js does (in two
// writes, as a stream would), and counts how often it is asked.
function fakeNext() {
  const calls: string[] = [];
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    calls.push(request.url ?? "");
    response.setHeader("content-security-policy", "default-src 'self'");
    response.setHeader("x-nextjs-cache", "HIT");
    response.setHeader("x-nextjs-prerender", ["1", "1"]);
    response.setHeader("Cache-Control", "s-maxage=31536000");
    response.setHeader("ETag", '"e1"');
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    if (request.headers["if-none-match"] === '"e1"') {
      response.statusCode = 304;
      response.end();
      return;
    }
    response.write("<html>");
    response.end(`page ${request.url}</html>`);
  };
  return { calls, handle };
}

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(handler: (request: IncomingMessage, response: ServerResponse) => unknown): Promise<number> {
  server = createServer((request, response) => {
    response.setHeader("x-request-id", `id-${Math.random()}`);
    void handler(request, response);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server!.address() as AddressInfo).port;
}

function call(port: number, path: string, headers: Record<string, string> = {}, method = "GET"): Promise<{ status: number; headers: IncomingHttpHeaders; rawHeaders: string[]; body: string }> {
  return new Promise((resolve, reject) => {
    httpRequest({ port, host: "127.0.0.1", path, method, headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, rawHeaders: response.rawHeaders, body }));
    })
      .on("error", reject)
      .end();
  });
}

describe("withPageCache", () => {
  it("answers the second request for a prerendered page without Next.js, with the same body and headers", async () => {
    const next = fakeNext();
    const cache = new StaticPageCache({ isPrerendered: (path) => path === "/concepts/caching" });
    const port = await serve(withPageCache(cache, next.handle));
    const first = await call(port, "/concepts/caching");
    const second = await call(port, "/concepts/caching");
    expect(next.calls).toEqual(["/concepts/caching"]);
    expect(second.body).toBe(first.body);
    expect(second.body).toBe("<html>page /concepts/caching</html>");
    expect(first.headers[CACHE_STATUS_HEADER]).toBeUndefined();
    expect(second.headers[CACHE_STATUS_HEADER]).toBe("HIT");
    for (const name of ["content-security-policy", "x-nextjs-prerender", "cache-control", "etag", "content-type"]) expect(second.headers[name], name).toEqual(first.headers[name]);
    expect(second.rawHeaders).toContain("ETag");
    expect(second.headers["content-length"]).toBe(String(Buffer.byteLength(second.body)));
    // The request id is the server's, per request: never one kept from the first answer.
    expect(second.headers["x-request-id"]).not.toBe(first.headers["x-request-id"]);
  });

  it("hands every other route, and router requests, to Next.js", async () => {
    const next = fakeNext();
    const cache = new StaticPageCache({ isPrerendered: (path) => path === "/concepts/caching" });
    const port = await serve(withPageCache(cache, next.handle));
    await call(port, "/dashboard");
    await call(port, "/dashboard");
    await call(port, "/concepts/caching", { rsc: "1" });
    await call(port, "/concepts/caching", { rsc: "1" });
    expect(next.calls).toEqual(["/dashboard", "/dashboard", "/concepts/caching", "/concepts/caching"]);
    expect(cache.size).toBe(0);
  });

  it("answers If-None-Match with Next.js's own 304 once it has seen one", async () => {
    const next = fakeNext();
    const cache = new StaticPageCache({ isPrerendered: () => true });
    const port = await serve(withPageCache(cache, next.handle));
    await call(port, "/");
    const first = await call(port, "/", { "if-none-match": '"e1"' });
    const second = await call(port, "/", { "if-none-match": '"e1"' });
    expect(next.calls).toEqual(["/", "/"]);
    expect([first.status, second.status]).toEqual([304, 304]);
    expect(second.body).toBe("");
    expect(second.headers.etag).toBe('"e1"');
    expect(second.headers["content-security-policy"]).toBe("default-src 'self'");
  });
});
