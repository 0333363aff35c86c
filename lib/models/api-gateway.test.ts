import { describe, expect, test } from "vitest";
import { LIMIT_PER_MINUTE, describeGateway, handle, initialGatewayState, nextMinute } from "./api-gateway";

const status = (method: string, path: string, token: Parameters<typeof handle>[3] = "alice") =>
  handle(initialGatewayState(), method, path, token).last!.result.status;

describe("api gateway model", () => {
  test("routes, rewrites and keeps the query", () => {
    const state = handle(initialGatewayState(), "GET", "/v1/users/42?fields=name", "alice");
    expect(state.last!.result.status).toBe(200);
    expect(state.last!.result.upstreamPath).toBe("/internal/user-service/getUserById?id=42&fields=name");
    expect(state.last!.result.route!.service).toBe("user-service");
  });

  test("the more specific route wins", () => {
    expect(handle(initialGatewayState(), "GET", "/v1/users/me", "bob").last!.result.route!.service).toBe("profile-service");
  });

  test("404 and 405 come before authentication", () => {
    expect(status("GET", "/v1/payments/1", "none")).toBe(404);
    expect(status("DELETE", "/v1/orders/9", "none")).toBe(405);
    expect(status("GET", "/v1/orders/9", "none")).toBe(401);
    expect(status("GET", "/v1/orders/9", "expired")).toBe(401);
  });

  test("public routes skip authentication and carry no user", () => {
    const state = handle(initialGatewayState(), "GET", "/static/css/site.css", "alice");
    expect(state.last!.result.status).toBe(200);
    expect(state.last!.result.userId).toBeUndefined();
    expect(state.last!.result.stages.find((s) => s.stage === "authenticate")!.outcome).toBe("skip");
  });

  test("the rate limit stops the fourth request in a minute and resets next minute", () => {
    let state = initialGatewayState();
    for (let i = 0; i < LIMIT_PER_MINUTE; i++) state = handle(state, "GET", "/v1/orders/9", "alice");
    expect(state.last!.result.status).toBe(200);
    state = handle(state, "GET", "/v1/orders/9", "alice");
    expect(state.last!.result.status).toBe(429);
    expect(state.used["alice"]).toBe(LIMIT_PER_MINUTE); // the denied request is not counted
    expect(handle(state, "GET", "/v1/orders/9", "bob").last!.result.status).toBe(200);
    expect(handle(nextMinute(state), "GET", "/v1/orders/9", "alice").last!.result.status).toBe(200);
  });

  test("every stage is reported, in order, and the text names the status", () => {
    const state = handle(initialGatewayState(), "POST", "/v1/orders", "none");
    expect(state.last!.result.stages.map((s) => s.stage)).toEqual(["route", "authenticate", "rate limit", "rewrite", "forward"]);
    expect(describeGateway(state)).toContain("answered 401");
  });
});
