import { expect, randomInt, seededRandom, test } from "@blueprint/test";
import { createGateway, type GatewayRequest, type Route } from "./solution";

const USERS: Record<string, string> = {
  "tok-alice": "alice",
  "tok-bob": "bob",
  "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYXJvbCJ9.c2lnbmF0dXJl": "carol",
};

function verifyToken(token: string): { userId: string } | null {
  const userId = USERS[token];
  return userId === undefined ? null : { userId };
}

function gateway(routes: Route[]) {
  return createGateway({ routes, verifyToken });
}

/** A request; `token: null` sends no authorization header at all. */
function get(path: string, token: string | null = "tok-alice", method = "GET"): GatewayRequest {
  return { method, path, headers: token === null ? {} : { authorization: `Bearer ${token}` } };
}

/** Runs checks and prefixes a failure with what was being checked. */
function within(label: string, checks: () => void): void {
  try {
    checks();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${label}: ${message}`);
  }
}

// ---- matching ---------------------------------------------------------------------

test("a literal route answers 200 with its service, the path, empty params and the user", () => {
  const gw = gateway([{ method: "GET", pattern: "/health/deep", service: "hidden-canary:api-gateway" }]);
  expect(gw.handle(get("/health/deep"))).toEqual({
    status: 200,
    service: "hidden-canary:api-gateway",
    upstreamPath: "/health/deep",
    params: {},
    userId: "alice",
  });
});

test(":name captures exactly one segment", () => {
  const gw = gateway([{ method: "GET", pattern: "/users/:id/orders/:orderId", service: "orders" }]);
  expect(gw.handle(get("/users/42/orders/7")).params).toEqual({ id: "42", orderId: "7" });
  expect(gw.handle(get("/users/42/orders")).status).toBe(404);
  expect(gw.handle(get("/users/42/orders/7/items")).status).toBe(404);
});

test(":name never matches an empty segment", () => {
  const gw = gateway([{ method: "GET", pattern: "/users/:id", service: "users" }]);
  expect(gw.handle(get("/users/")).status).toBe(404);
  expect(gw.handle(get("/users")).status).toBe(404);
});

test("params are kept raw, not percent-decoded", () => {
  const gw = gateway([{ method: "GET", pattern: "/files/:name", service: "files" }]);
  const response = gw.handle(get("/files/annual%20report%2F2024.pdf"));
  expect(response.params).toEqual({ name: "annual%20report%2F2024.pdf" });
  expect(response.upstreamPath).toBe("/files/annual%20report%2F2024.pdf");
});

test("a trailing * captures every remaining segment", () => {
  const gw = gateway([{ method: "GET", pattern: "/static/*", service: "assets", public: true }]);
  expect(gw.handle(get("/static/css/site.css", null)).params).toEqual({ "*": "css/site.css" });
  expect(gw.handle(get("/static/logo.svg", null)).params).toEqual({ "*": "logo.svg" });
  expect(gw.handle(get("/static/img/a/b/c.png", null)).params).toEqual({ "*": "img/a/b/c.png" });
});

test("a trailing * matches one empty last segment but not zero segments", () => {
  const gw = gateway([{ method: "GET", pattern: "/static/*", service: "assets", public: true }]);
  const slash = gw.handle(get("/static/", null));
  expect(slash.status).toBe(200);
  expect(slash.params).toEqual({ "*": "" });
  expect(gw.handle(get("/static", null)).status).toBe(404);
  expect(gw.handle(get("/statics/x", null)).status).toBe(404);
});

test("a trailing * and :name captures work together", () => {
  const gw = gateway([{ method: "PUT", pattern: "/buckets/:bucket/objects/*", service: "blobs" }]);
  const response = gw.handle(get("/buckets/photos/objects/2024/06/cat.jpg", "tok-bob", "PUT"));
  expect(response).toEqual({
    status: 200,
    service: "blobs",
    upstreamPath: "/buckets/photos/objects/2024/06/cat.jpg",
    params: { bucket: "photos", "*": "2024/06/cat.jpg" },
    userId: "bob",
  });
});

test("literal segments must match exactly", () => {
  const gw = gateway([{ method: "GET", pattern: "/users/me", service: "profile" }]);
  expect(gw.handle(get("/users/mee")).status).toBe(404);
  expect(gw.handle(get("/user/me")).status).toBe(404);
  expect(gw.handle(get("/users/me")).status).toBe(200);
});

test("methods compare case-insensitively", () => {
  const gw = gateway([
    { method: "get", pattern: "/a", service: "lower" },
    { method: "POST", pattern: "/b", service: "upper" },
  ]);
  expect(gw.handle(get("/a", "tok-alice", "GET")).service).toBe("lower");
  expect(gw.handle(get("/b", "tok-alice", "post")).service).toBe("upper");
  expect(gw.handle(get("/b", "tok-alice", "Post")).service).toBe("upper");
});

test("the query string is ignored for matching", () => {
  const gw = gateway([{ method: "GET", pattern: "/users/:id", service: "users" }]);
  const response = gw.handle(get("/users/42?fields=name&lang=en"));
  expect(response.status).toBe(200);
  expect(response.params).toEqual({ id: "42" });
});

// ---- which route wins -------------------------------------------------------------

test("more literal segments win over list order", () => {
  const gw = gateway([
    { method: "GET", pattern: "/users/:id", service: "users" },
    { method: "GET", pattern: "/users/me", service: "profile" },
  ]);
  expect(gw.handle(get("/users/me"))).toEqual({ status: 200, service: "profile", upstreamPath: "/users/me", params: {}, userId: "alice" });
  expect(gw.handle(get("/users/17")).service).toBe("users");
});

test("with equal literal segments, a route without * beats one with it", () => {
  const gw = gateway([
    { method: "GET", pattern: "/docs/*", service: "catch-all" },
    { method: "GET", pattern: "/docs/:page", service: "page" },
  ]);
  expect(gw.handle(get("/docs/intro")).service).toBe("page");
  expect(gw.handle(get("/docs/intro/part-2")).service).toBe("catch-all");
});

test("literal segments count before the trailing * rule", () => {
  const gw = gateway([
    { method: "GET", pattern: "/api/:version/:resource", service: "generic" },
    { method: "GET", pattern: "/api/v2/*", service: "v2" },
  ]);
  expect(gw.handle(get("/api/v2/users")).service).toBe("v2");
  expect(gw.handle(get("/api/v1/users")).service).toBe("generic");
});

test("list order breaks a complete tie", () => {
  const gw = gateway([
    { method: "GET", pattern: "/orders/:id", service: "orders-new" },
    { method: "GET", pattern: "/orders/:orderId", service: "orders-old" },
  ]);
  expect(gw.handle(get("/orders/9")).service).toBe("orders-new");
  const many = gateway([
    { method: "GET", pattern: "/a/:x", service: "first" },
    { method: "GET", pattern: "/a/:y", service: "second" },
    { method: "GET", pattern: "/a/:z", service: "third" },
    { method: "GET", pattern: "/a/:w", service: "fourth" },
  ]);
  expect(many.handle(get("/a/1")).service).toBe("first");
});

test("only routes whose method matches compete on specificity", () => {
  const gw = gateway([
    { method: "GET", pattern: "/users/me", service: "profile" },
    { method: "DELETE", pattern: "/users/:id", service: "users" },
  ]);
  const response = gw.handle(get("/users/me", "tok-alice", "DELETE"));
  expect(response.status).toBe(200);
  expect(response.service).toBe("users");
  expect(response.params).toEqual({ id: "me" });
});

test("the winner does not depend on the order routes are listed in, apart from ties", () => {
  const routes: Route[] = [
    { method: "GET", pattern: "/shop/*", service: "s1" },
    { method: "GET", pattern: "/shop/:category/all/*", service: "s2" },
    { method: "GET", pattern: "/shop/:category/:item", service: "s3" },
    { method: "GET", pattern: "/shop/sale/*", service: "s4" },
    { method: "GET", pattern: "/shop/sale/:item", service: "s5" },
    { method: "GET", pattern: "/shop/sale/today", service: "s6" },
  ];
  const expected: Array<[string, string]> = [
    ["/shop/", "s1"],
    ["/shop/toys", "s1"],
    ["/shop/toys/robot", "s3"],
    ["/shop/toys/all/red/large", "s2"],
    ["/shop/toys/robot/red", "s1"],
    ["/shop/sale/lamp", "s5"],
    ["/shop/sale/lamp/blue", "s4"],
    ["/shop/sale/today", "s6"],
    ["/shop/sale/", "s4"],
  ];
  const random = seededRandom(7);
  for (let round = 0; round < 12; round++) {
    const shuffled = [...routes];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = randomInt(random, 0, i);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const gw = gateway(shuffled);
    const order = shuffled.map((route) => route.service).join(",");
    for (const [path, service] of expected) {
      within(`routes listed as ${order}, path ${path}`, () => expect(gw.handle(get(path)).service).toBe(service));
    }
  }
});

// ---- 404, 405, 401 ----------------------------------------------------------------

test("404 when no pattern matches", () => {
  const gw = gateway([{ method: "GET", pattern: "/users/:id", service: "users" }]);
  expect(gw.handle(get("/products/1")).status).toBe(404);
  expect(gw.handle(get("/")).status).toBe(404);
});

test("405 when a pattern matches but no route has that method", () => {
  const gw = gateway([
    { method: "GET", pattern: "/orders/:id", service: "orders" },
    { method: "PUT", pattern: "/orders/:id", service: "orders" },
  ]);
  expect(gw.handle(get("/orders/5", "tok-alice", "DELETE")).status).toBe(405);
  expect(gw.handle(get("/orders/5", "tok-alice", "PUT")).status).toBe(200);
});

test("404 and 405 are decided before authentication", () => {
  const gw = gateway([{ method: "GET", pattern: "/orders/:id", service: "orders" }]);
  expect(gw.handle(get("/orders/5", null, "POST")).status).toBe(405);
  expect(gw.handle(get("/invoices/5", null)).status).toBe(404);
  expect(gw.handle(get("/orders/5", "forged", "DELETE")).status).toBe(405);
});

test("401 without an authorization header", () => {
  const gw = gateway([{ method: "GET", pattern: "/me", service: "profile" }]);
  expect(gw.handle(get("/me", null)).status).toBe(401);
  expect(gw.handle({ method: "GET", path: "/me", headers: { cookie: "session=tok-alice" } }).status).toBe(401);
});

test("401 when verifyToken rejects the token", () => {
  const gw = gateway([{ method: "GET", pattern: "/me", service: "profile" }]);
  expect(gw.handle(get("/me", "tok-mallory")).status).toBe(401);
});

test("401 for a scheme other than Bearer, even if the rest looks like a token", () => {
  const gw = createGateway({
    routes: [{ method: "GET", pattern: "/me", service: "profile" }],
    verifyToken: () => ({ userId: "anyone" }),
  });
  expect(gw.handle({ method: "GET", path: "/me", headers: { authorization: "Basic dG9rLWFsaWNl" } }).status).toBe(401);
  expect(gw.handle({ method: "GET", path: "/me", headers: { authorization: "tok-alice" } }).status).toBe(401);
  expect(gw.handle({ method: "GET", path: "/me", headers: { authorization: "NotBearer tok-alice" } }).status).toBe(401);
});

test("the header name and the word Bearer are case-insensitive", () => {
  const gw = gateway([{ method: "GET", pattern: "/me", service: "profile" }]);
  expect(gw.handle({ method: "GET", path: "/me", headers: { Authorization: "Bearer tok-bob" } }).userId).toBe("bob");
  expect(gw.handle({ method: "GET", path: "/me", headers: { AUTHORIZATION: "bearer tok-bob" } }).userId).toBe("bob");
  expect(gw.handle({ method: "GET", path: "/me", headers: { authorization: "BEARER tok-alice" } }).userId).toBe("alice");
  const headers = { accept: "application/json", Authorization: "Bearer tok-bob", "x-request-id": "r-1" };
  expect(gw.handle({ method: "GET", path: "/me", headers }).userId).toBe("bob");
});

test("verifyToken receives exactly the token after Bearer", () => {
  const seen: string[] = [];
  const gw = createGateway({
    routes: [{ method: "GET", pattern: "/me", service: "profile" }],
    verifyToken: (token) => {
      seen.push(token);
      return verifyToken(token);
    },
  });
  const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYXJvbCJ9.c2lnbmF0dXJl";
  expect(gw.handle(get("/me", jwt)).userId).toBe("carol");
  expect(seen.length).toBeGreaterThan(0);
  for (const token of seen) expect(token).toBe(jwt);
});

test("a public route needs no token and carries no userId", () => {
  const gw = gateway([{ method: "GET", pattern: "/catalog/:sku", service: "catalog", public: true }]);
  expect(gw.handle(get("/catalog/X1", null))).toEqual({ status: 200, service: "catalog", upstreamPath: "/catalog/X1", params: { sku: "X1" } });
  const withToken = gw.handle(get("/catalog/X1", "tok-alice"));
  expect(withToken.status).toBe(200);
  expect(withToken.userId).toBeUndefined();
  expect(gw.handle(get("/catalog/X1", "not-a-real-token")).status).toBe(200);
});

test("public: false behaves like a protected route", () => {
  const gw = gateway([{ method: "GET", pattern: "/cart", service: "cart", public: false }]);
  expect(gw.handle(get("/cart", null)).status).toBe(401);
  expect(gw.handle(get("/cart", "tok-bob")).userId).toBe("bob");
});

test("the winning route decides whether a token is needed", () => {
  const gw = gateway([
    { method: "GET", pattern: "/pages/*", service: "cms", public: true },
    { method: "GET", pattern: "/pages/admin/*", service: "cms-admin" },
  ]);
  expect(gw.handle(get("/pages/about", null)).status).toBe(200);
  expect(gw.handle(get("/pages/admin/users", null)).status).toBe(401);
  expect(gw.handle(get("/pages/admin/users", "tok-alice")).service).toBe("cms-admin");
});

// ---- upstream path ----------------------------------------------------------------

test("rewrite substitutes :name into the upstream path", () => {
  const gw = gateway([
    { method: "GET", pattern: "/v1/users/:id", service: "user-service", rewrite: "/internal/user-service/getUserById?id=:id" },
  ]);
  expect(gw.handle(get("/v1/users/123"))).toEqual({
    status: 200,
    service: "user-service",
    upstreamPath: "/internal/user-service/getUserById?id=123",
    params: { id: "123" },
    userId: "alice",
  });
});

test("rewrite can use several params, more than once, raw", () => {
  const gw = gateway([
    { method: "GET", pattern: "/v2/teams/:team/members/:member", service: "teams", rewrite: "/teams/:team/:member/audit/:team" },
  ]);
  expect(gw.handle(get("/v2/teams/red%20team/members/u-9")).upstreamPath).toBe("/teams/red%20team/u-9/audit/red%20team");
});

test("the query is appended with ? to a rewrite that has none", () => {
  const gw = gateway([{ method: "GET", pattern: "/v1/orders/:id", service: "orders", rewrite: "/orders/:id" }]);
  expect(gw.handle(get("/v1/orders/8?expand=items")).upstreamPath).toBe("/orders/8?expand=items");
});

test("the query is appended with & to a rewrite that already has a ?", () => {
  const gw = gateway([{ method: "GET", pattern: "/v1/users/:id", service: "users", rewrite: "/getUser?id=:id" }]);
  expect(gw.handle(get("/v1/users/5?fields=name&lang=en")).upstreamPath).toBe("/getUser?id=5&fields=name&lang=en");
});

test("without a rewrite the upstream path is the incoming path, query included", () => {
  const gw = gateway([{ method: "GET", pattern: "/search", service: "search", public: true }]);
  expect(gw.handle(get("/search?q=load+balancer&page=2", null)).upstreamPath).toBe("/search?q=load+balancer&page=2");
  expect(gw.handle(get("/search", null)).upstreamPath).toBe("/search");
});

test("captures and rewrites hold over random segment values", () => {
  const random = seededRandom(314);
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-_.~%";
  const segment = () => Array.from({ length: randomInt(random, 1, 8) }, () => alphabet[randomInt(random, 0, alphabet.length - 1)]).join("");
  const gw = gateway([
    { method: "GET", pattern: "/v1/:tenant/items/:item", service: "items", rewrite: "/internal/items?tenant=:tenant&item=:item" },
    { method: "GET", pattern: "/v1/:tenant/blobs/*", service: "blobs", rewrite: "/blob-store/:tenant" },
  ]);
  for (let i = 0; i < 200; i++) {
    const tenant = segment();
    const item = segment();
    const query = random() < 0.5 ? undefined : `q=${segment()}`;
    const suffix = query === undefined ? "" : `?${query}`;
    const items = gw.handle(get(`/v1/${tenant}/items/${item}${suffix}`));
    const rest = Array.from({ length: randomInt(random, 1, 4) }, segment).join("/");
    const blobs = gw.handle(get(`/v1/${tenant}/blobs/${rest}${suffix}`));
    within(`tenant ${tenant}, item ${item}, rest ${rest}, query ${query}`, () => {
      expect(items.params).toEqual({ tenant, item });
      expect(items.upstreamPath).toBe(`/internal/items?tenant=${tenant}&item=${item}${query === undefined ? "" : `&${query}`}`);
      expect(blobs.params).toEqual({ tenant, "*": rest });
      expect(blobs.upstreamPath).toBe(`/blob-store/${tenant}${suffix}`);
    });
  }
});
