// GET /metrics through the real route handler on a real PostgreSQL: Prometheus text with the
// judge counters, the queue's gauges read at scrape, the optional bearer token, and an answer
// while the database is away (issue 16, part 4).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freePort } from "../../lib/db-tooling/embedded-postgres";
import { beat } from "../../lib/judge-queue/lease";
import { createDatabase, useAppEnv } from "./database";

let databaseUrl: string;
let admin: pg.Client;

async function scrape(headers: Record<string, string> = {}): Promise<{ status: number; type: string | null; text: string }> {
  vi.resetModules();
  const { GET } = await import("../../app/metrics/route");
  const response = await GET(new Request("http://localhost/metrics", { headers }), { params: Promise.resolve({}) });
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

beforeAll(async () => {
  databaseUrl = await createDatabase({ migrated: true });
  useAppEnv(databaseUrl);
  admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await beat(admin, { id: "metrics-test-worker", slotIds: ["s"], concurrency: 1, leaseMs: 60_000 });
});
afterAll(async () => {
  delete process.env.BLUEPRINT_METRICS_TOKEN;
  await admin.end();
  await (await import("../../lib/judge-queue/connection")).closeQueuePools();
});

describe("GET /metrics", () => {
  it("serves Prometheus text: judge outcomes recorded by any module copy, and the queue read now", async () => {
    // Another bundle's copy of the registry module (Next.js bundles each route apart) records a verdict.
    vi.resetModules();
    (await import("../../lib/metrics/registry")).recordJudgeOutcome({ mode: "submit", verdict: "passed", judgeMs: 30, queueWaitMs: 4 });
    const { status, type, text } = await scrape();
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text).toMatch(/^blueprint_submissions_total\{mode="submit",verdict="passed"\} 1$/m);
    expect(text).toMatch(/^blueprint_judge_queue_wait_seconds_count 1$/m);
    expect(text).toMatch(/^blueprint_judge_workers_live 1$/m);
    expect(text).toMatch(/^blueprint_judge_queue_depth 0$/m);
    expect(text).toMatch(/^blueprint_judge_queue_readable 1$/m);
  });

  it("still answers while the database is away, marking the queue unreadable", async () => {
    process.env.DATABASE_URL = `postgresql://blueprint:x@127.0.0.1:${await freePort()}/blueprint`;
    try {
      const { status, text } = await scrape();
      expect(status).toBe(200);
      expect(text).toMatch(/^blueprint_judge_queue_readable 0$/m);
      expect(text).toMatch(/^blueprint_submissions_total\{mode="submit",verdict="passed"\} 1$/m);
    } finally {
      process.env.DATABASE_URL = databaseUrl;
    }
  });

  it("with BLUEPRINT_METRICS_TOKEN set: 401 without its bearer, 200 with it", async () => {
    process.env.BLUEPRINT_METRICS_TOKEN = "metrics-token-for-the-test";
    try {
      const anonymous = await scrape();
      expect(anonymous.status).toBe(401);
      expect(anonymous.text).not.toContain("blueprint_");
      expect((await scrape({ authorization: "Bearer not-it" })).status).toBe(401);
      const allowed = await scrape({ authorization: "Bearer metrics-token-for-the-test" });
      expect(allowed.status).toBe(200);
      expect(allowed.text).toContain("blueprint_submissions_total");
    } finally {
      delete process.env.BLUEPRINT_METRICS_TOKEN;
    }
  });
});
