import { expect, test } from "@blueprint/test";
import { createGateway } from "./solution";

const verifyToken = (token: string) => (token === "good-token" ? { userId: "u-1" } : null);

test("a matching route answers 200 with the service, params and user", () => {
  const gw = createGateway({ routes: [{ method: "GET", pattern: "/users/:id", service: "users" }], verifyToken });
  expect(gw.handle({ method: "GET", path: "/users/42", headers: { authorization: "Bearer good-token" } })).toEqual({
    status: 200,
    service: "users",
    upstreamPath: "/users/42",
    params: { id: "42" },
    userId: "u-1",
  });
});

test("the most specific route wins", () => {
  const gw = createGateway({
    routes: [
      { method: "GET", pattern: "/users/:id", service: "users", public: true },
      { method: "GET", pattern: "/users/me", service: "profile", public: true },
    ],
    verifyToken,
  });
  expect(gw.handle({ method: "GET", path: "/users/me", headers: {} }).service).toBe("profile");
});

test("404, 405 and 401", () => {
  const gw = createGateway({ routes: [{ method: "GET", pattern: "/orders/:id", service: "orders" }], verifyToken });
  expect(gw.handle({ method: "GET", path: "/nope", headers: {} }).status).toBe(404);
  expect(gw.handle({ method: "DELETE", path: "/orders/1", headers: {} }).status).toBe(405);
  expect(gw.handle({ method: "GET", path: "/orders/1", headers: {} }).status).toBe(401);
});

test("rewrite builds the upstream path and keeps the query", () => {
  const gw = createGateway({
    routes: [{ method: "GET", pattern: "/v1/users/:id", service: "users", rewrite: "/internal/getUserById?id=:id", public: true }],
    verifyToken,
  });
  expect(gw.handle({ method: "GET", path: "/v1/users/7?fields=name", headers: {} }).upstreamPath).toBe(
    "/internal/getUserById?id=7&fields=name",
  );
});

test("a trailing * captures the rest of the path", () => {
  const gw = createGateway({ routes: [{ method: "GET", pattern: "/static/*", service: "assets", public: true }], verifyToken });
  expect(gw.handle({ method: "GET", path: "/static/css/site.css", headers: {} }).params).toEqual({ "*": "css/site.css" });
});
