// The same-origin rule for writes (lib/http/same-origin.ts) through the real route handlers
// on a real PostgreSQL: the route wrapper refuses a cross-origin write before it parses,
// looks up or saves anything, and so does the accounts route (better-auth's); a write from
// this site, or from a script that sends no Origin, is served. The security headers
// themselves come from next.config.ts on every path (tests/unit/page-headers.test.ts, and
// tests/e2e/security-headers.spec.ts against the production build).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { CROSS_ORIGIN_MESSAGE, crossOriginWrite } from "../../lib/http/same-origin";
import { CONTENT_SECURITY_POLICY } from "../../lib/http/security-headers";
import { createDatabase, useAppEnv } from "./database";
import { callRoute, json } from "./request-scope";

vi.mock("next/headers", async () => (await import("./request-scope")).nextHeaders());

const HOST = { host: "localhost" };
const request = (method: string, headers: Record<string, string>) => new Request("http://localhost/api/drafts/rate-limiting/limiters", { method, headers: { ...HOST, ...headers } });
const DRAFT = { concept: "rate-limiting", challenge: "limiters" };

let admin: pg.Client;
let drafts: typeof import("../../app/api/drafts/[concept]/[challenge]/route");
let accounts: typeof import("../../app/api/auth/[...all]/route");

beforeAll(async () => {
  const databaseUrl = await createDatabase({ migrated: true });
  useAppEnv(databaseUrl);
  process.env.BETTER_AUTH_SECRET = "integration-better-auth-secret-0123456789";
  process.env.BETTER_AUTH_URL = "http://localhost";
  process.env.BLUEPRINT_AUTH_RATE_LIMIT = "off";
  admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  drafts = await import("../../app/api/drafts/[concept]/[challenge]/route");
  accounts = await import("../../app/api/auth/[...all]/route");
});
afterAll(async () => {
  await admin.end();
});

const count = async (table: string) => (await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0]!.n;

describe("which writes are cross-origin", () => {
  test("a write from this site, a script without Origin, or any read is not", () => {
    expect(crossOriginWrite(request("PUT", { origin: "http://localhost" }))).toBe(false);
    expect(crossOriginWrite(request("POST", {}))).toBe(false);
    expect(crossOriginWrite(request("GET", { origin: "http://evil.example" }))).toBe(false);
    expect(crossOriginWrite(request("PUT", { origin: "https://blueprint.example", "x-forwarded-host": "blueprint.example" }))).toBe(false);
  });

  test("another origin, a cross-site fetch, or an opaque origin is", () => {
    expect(crossOriginWrite(request("DELETE", { origin: "http://evil.example" }))).toBe(true);
    expect(crossOriginWrite(request("POST", { "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(crossOriginWrite(request("POST", { origin: "null" }))).toBe(true);
    expect(crossOriginWrite(request("PATCH", { origin: "http://localhost:4000" }))).toBe(true);
  });
});

describe("through the route handlers", () => {
  test("a cross-origin draft save is 403 with the reason, and nothing is saved or created", async () => {
    const [learners, savedDrafts] = [await count("Learner"), await count("Draft")];
    const reply = await callRoute(drafts.PUT, "/api/drafts/rate-limiting/limiters", {
      method: "PUT",
      params: DRAFT,
      ...json({ code: "export const stolen = 1;" }),
      headers: { "content-type": "application/json", ...HOST, origin: "http://evil.example" },
    });
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({ error: CROSS_ORIGIN_MESSAGE });
    expect(reply.cookie).toBeUndefined();
    expect(await count("Learner")).toBe(learners);
    expect(await count("Draft")).toBe(savedDrafts);
  });

  test("the same save from this site is served", async () => {
    const reply = await callRoute(drafts.PUT, "/api/drafts/rate-limiting/limiters", {
      method: "PUT",
      params: DRAFT,
      ...json({ code: "export const mine = 1;" }),
      headers: { "content-type": "application/json", ...HOST, origin: "http://localhost" },
    });
    expect(reply.status).toBe(200);
    expect(reply.cookie).toBeDefined();
  });

  test("a cross-origin sign-up is 403 and makes no account", async () => {
    const users = await count("User");
    const response = await accounts.POST(
      new Request("http://localhost/api/auth/sign-up/email", {
        method: "POST",
        headers: { "content-type": "application/json", ...HOST, origin: "http://evil.example" },
        body: JSON.stringify({ name: "Mallory", email: "mallory@example.com", password: "correct horse battery staple" }),
      }),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: CROSS_ORIGIN_MESSAGE });
    expect(await count("User")).toBe(users);
  });
});

describe("content security policy", () => {
  test("lets Monaco's workers run and names no other host", () => {
    expect(CONTENT_SECURITY_POLICY).toContain("worker-src 'self' blob:");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:\/\//);
  });
});
