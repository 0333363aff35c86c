// The app's HTTP server: Next.js's own request handler behind a plain node:http server,
// for one reason. Route handlers cannot see the socket (Next.js 15 removed request.ip,
// and `next start` keeps any X-Forwarded-For a client sends), so limits keyed on the
// client's address would believe whatever the client wrote. Here the socket's peer is
// known: each request gets CLIENT_ADDRESS_HEADER resolved from it and the trusted
// proxies (BLUEPRINT_TRUSTED_PROXIES), replacing any such header the client sent.
// It also stamps each request with x-request-id and logs one JSON line per request
// (lib/serve/request-log.ts; BLUEPRINT_REQUEST_LOG=off silences it), and in production
// answers prerendered pages from memory (lib/serve/static-page-cache.ts, docs/decisions/023).
// Usage: tsx scripts/serve-app.ts dev|start --port 3000
import { createServer, type IncomingMessage } from "node:http";
import { CLIENT_ADDRESS_HEADER, parseTrustedProxies, resolveClientAddress } from "../lib/rate-limit/client-address";
import { readBuildInfo, withPageCache, type BuildInfo } from "../lib/serve/page-cache-handler";
import { REQUEST_ID_HEADER, resolveRequestId } from "../lib/serve/request-id";
import { logRequestWhenDone, requestLogEnabled } from "../lib/serve/request-log";
import { StaticPageCache } from "../lib/serve/static-page-cache";

const mode = process.argv[2] === "start" ? "start" : "dev";
const portFlag = process.argv.indexOf("--port");
const port = Number(portFlag > 0 ? process.argv[portFlag + 1] : (process.env.PORT ?? 3000));
const trusted = parseTrustedProxies(process.env.BLUEPRINT_TRUSTED_PROXIES ?? "");
const logRequests = requestLogEnabled(process.env, mode);

// What `next dev` / `next start` set before Next.js (and React) load.
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? (mode === "dev" ? "development" : "production"), NEXT_RUNTIME: "nodejs" });
const { default: next } = await import("next");

const app = next({ dev: mode === "dev", dir: process.cwd(), hostname: "localhost", port });
await app.prepare();
const nextHandle = app.getRequestHandler();

// Prerendered pages from memory (lib/serve/static-page-cache.ts), in production only;
// BLUEPRINT_PAGE_CACHE=off hands every request to Next.js (to compare, or to rule it out).
const distDir = process.env.BLUEPRINT_DIST_DIR ?? ".next";
const pageCacheOn = mode === "start" && (process.env.BLUEPRINT_PAGE_CACHE ?? "").trim().toLowerCase() !== "off";
let build: BuildInfo = pageCacheOn ? readBuildInfo(distDir) : { buildId: "", prerendered: new Set() };
const pageCache = new StaticPageCache({ isPrerendered: (path) => build.prerendered.has(path) });
pageCache.setBuildId(build.buildId);
if (pageCacheOn) {
  // A build into the same folder while this server runs: drop what the old build rendered.
  setInterval(() => {
    try {
      const next = readBuildInfo(distDir);
      if (next.buildId !== build.buildId) {
        build = next;
        pageCache.setBuildId(next.buildId);
      }
    } catch {
      // Mid-build the files come and go; the next tick reads them again.
    }
  }, 5_000).unref();
}
const handle = pageCacheOn ? withPageCache(pageCache, nextHandle) : nextHandle;
const upgrade = app.getUpgradeHandler();

function stampClientAddress(request: IncomingMessage): void {
  request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], trusted);
}

const server = createServer((request, response) => {
  stampClientAddress(request);
  const requestId = resolveRequestId(request.socket.remoteAddress, request.headers[REQUEST_ID_HEADER], trusted);
  request.headers[REQUEST_ID_HEADER] = requestId;
  response.setHeader(REQUEST_ID_HEADER, requestId);
  if (logRequests) logRequestWhenDone(request, response, requestId);
  void handle(request, response);
});
// Development's hot reload speaks WebSocket.
server.on("upgrade", (request, socket, head) => {
  stampClientAddress(request);
  void upgrade(request, socket, head);
});
// Every interface, IPv6 and IPv4, as `next start` listens (IPv4 peers then read ::ffff:a.b.c.d, which is normalized).
server.listen(port, () => {
  const proxies = trusted.size > 0 ? `${trusted.size} trusted prox${trusted.size === 1 ? "y" : "ies"}` : "no trusted proxies";
  const log = logRequests ? "request log on" : `request log off (BLUEPRINT_REQUEST_LOG=${process.env.BLUEPRINT_REQUEST_LOG ?? "unset in development"})`;
  const cache = pageCacheOn ? `page cache on (${build.prerendered.size} prerendered routes)` : "page cache off";
  process.stdout.write(`[blueprint] Next.js (${mode}) on http://localhost:${port}, ${proxies}, ${log}, ${cache}\n`);
});

function stop() {
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
