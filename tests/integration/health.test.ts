// GET /api/health (readiness) and GET /api/health/live (liveness) through the real route
// handlers on a real PostgreSQL: the database with its latency, the judge queue's depth, its
// oldest job's age and its live workers (heartbeat rows, lib/judge-queue/lease.ts), and
// each piece taken away in turn, named in words (issues 16 and 18).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { listConcepts } from "../../lib/content/catalog";
import { freePort } from "../../lib/db-tooling/embedded-postgres";
import { seed } from "../../lib/db-tooling/seed";
import { beat, retire } from "../../lib/judge-queue/lease";
import { createDatabase, useAppEnv } from "./database";

type HealthBody = {
  status: string;
  message: string;
  problems: string[];
  database: { up: boolean; latencyMs?: number; problem?: string };
  queue: { up: boolean; depth?: number; oldestJobAgeMs?: number | null; liveWorkers?: number; problem?: string };
  warnings: string[];
  catalog: { seeded?: number; matches: boolean; problem?: string };
};

/** A fresh copy of the route (and of the env and database client it caches) for the current environment. */
async function health(): Promise<{ status: number; body: HealthBody }> {
  vi.resetModules();
  delete (globalThis as { blueprintPrisma?: unknown }).blueprintPrisma;
  const { GET } = await import("../../app/api/health/route");
  const response = await GET(new Request("http://localhost/api/health"), { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as HealthBody };
}

let databaseUrl: string;
let admin: pg.Client;
const WORKER = { id: "health-test-worker", slotIds: ["slot-a"], concurrency: 2, leaseMs: 60_000 };

beforeAll(async () => {
  databaseUrl = await createDatabase({ migrated: true });
  useAppEnv(databaseUrl);
  // A slow machine must not turn "up" into "down": the timeout is not what these tests are about.
  process.env.BLUEPRINT_HEALTH_TIMEOUT_MS = "30000";
  admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await seed(databaseUrl);
});
afterAll(async () => {
  await admin.end();
  await (await import("../../lib/judge-queue/connection")).closeQueuePools();
});
beforeEach(async () => {
  await admin.query(`DELETE FROM "JudgeJob"; DELETE FROM "JudgeWorker"`);
  await beat(admin, WORKER);
});

describe("GET /api/health", () => {
  it("answers 200 with the database's latency and an empty queue when the database is up and a worker is live", async () => {
    const { status, body } = await health();
    expect(body.problems).toEqual([]);
    expect(status).toBe(200);
    expect(body).toEqual({
      status: "ok",
      message: "the database and the judge queue are up (1 live worker)",
      problems: [],
      warnings: [],
      database: { up: true, latencyMs: expect.any(Number) },
      queue: { up: true, depth: 0, oldestJobAgeMs: null, liveWorkers: 1 },
      catalog: { seeded: listConcepts().length, matches: true },
    });
    expect(body.database.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("counts jobs waiting or running and the oldest one's age, by the database's clock", async () => {
    const learner = randomUUID();
    await admin.query(`INSERT INTO "Learner" ("id") VALUES ($1)`, [learner]);
    const job = (status: string, ageSeconds: number) =>
      admin.query(
        `INSERT INTO "JudgeJob" ("id", "learnerId", "challengeId", "mode", "code", "status", "createdAt") VALUES ($1, $2, 'rate-limiting/limiters', 'submit', '', $3, now() - $4 * interval '1 second')`,
        [randomUUID(), learner, status, ageSeconds],
      );
    await job("queued", 2);
    await job("running", 90);
    await job("done", 3600); // finished: neither counted nor the oldest
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body.queue.depth).toBe(2);
    expect(body.queue.oldestJobAgeMs).toBeGreaterThanOrEqual(90_000);
    expect(body.queue.oldestJobAgeMs).toBeLessThan(3_600_000);
  });

  it("names a concept catalog older than content/ as a warning, not a 503, until it is seeded again", async () => {
    const [first] = listConcepts();
    try {
      await admin.query(`DELETE FROM "Concept" WHERE slug = $1`, [first!.slug]);
      await admin.query(`INSERT INTO "Concept" (slug, position, title, "group", "challengeId", available, "updatedAt") VALUES ('retired-concept', 999, 'Retired', 'x', 'retired/x', true, now())`);
      const { status, body } = await health();
      expect(status).toBe(200);
      expect(body.problems).toEqual([]);
      expect(body.catalog).toEqual({ seeded: listConcepts().length, matches: false, problem: expect.any(String) });
      expect(body.warnings).toEqual([body.catalog.problem]);
      expect(body.catalog.problem).toBe(`the concept catalog in the database is older than content/ (missing ${first!.slug}; not in content/: retired-concept): run npm run db:seed`);
      await admin.query(`DELETE FROM "Concept"`);
      expect((await health()).body.catalog.problem).toContain("is not seeded in the database: run npm run db:seed");
    } finally {
      await seed(databaseUrl);
    }
    // The seed replaces the catalog whole: the row content/ no longer has is gone.
    const { body } = await health();
    expect(body.catalog).toEqual({ seeded: listConcepts().length, matches: true });
    expect(body.warnings).toEqual([]);
  });

  it("answers 503 naming the missing worker when no worker's lease holds", async () => {
    await admin.query(`UPDATE "JudgeWorker" SET "lastBeat" = now() - interval '1 hour'`); // died an hour ago
    await beat(admin, { ...WORKER, id: "retired-worker" });
    await retire(admin, "retired-worker"); // stopped cleanly
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body.status).toBe("down");
    expect(body.database.up).toBe(true);
    expect(body.queue).toMatchObject({ up: false, liveWorkers: 0, depth: 0 });
    expect(body.problems).toEqual([expect.stringContaining("no judge worker is live")]);
    expect(body.message).toBe(body.problems[0]);
  });

  it("answers 503 naming the database when PostgreSQL does not answer, once, without showing its URL", async () => {
    const port = await freePort();
    process.env.DATABASE_URL = `postgresql://blueprint:the-secret-password@127.0.0.1:${port}/blueprint`;
    try {
      const { status, body } = await health();
      expect(status).toBe(503);
      expect(body.database.up).toBe(false);
      expect(body.database.problem).toContain("PostgreSQL does not answer at DATABASE_URL's address");
      expect(body.queue.up).toBe(false);
      expect(body.problems).toEqual([`the database is down: ${body.database.problem}`]);
      expect(body.message).toBe(body.problems[0]);
      expect(JSON.stringify(body)).not.toContain("the-secret-password");
    } finally {
      process.env.DATABASE_URL = databaseUrl;
    }
  });

  it("says the password is wrong when PostgreSQL refuses it", async () => {
    process.env.DATABASE_URL = databaseUrl.replace(/:\/\/([^:]+):[^@]+@/, "://$1:not-the-password@");
    try {
      const { status, body } = await health();
      expect(status).toBe(503);
      expect(body.database).toEqual({ up: false, problem: "PostgreSQL refused the user name or password in DATABASE_URL" });
    } finally {
      process.env.DATABASE_URL = databaseUrl;
    }
  });
});

describe("GET /api/health on a database without the app's tables", () => {
  it("says to migrate, instead of a query that did not answer", async () => {
    process.env.DATABASE_URL = await createDatabase({ migrated: false });
    try {
      const { status, body } = await health();
      expect(status).toBe(503);
      expect(body.database.up).toBe(true);
      expect(body.problems).toEqual([expect.stringContaining("npm run db:migrate")]);
    } finally {
      process.env.DATABASE_URL = databaseUrl;
    }
  });
});

describe("GET /api/health/live", () => {
  it("answers 200 { ok: true } without the database, even when PostgreSQL is gone", async () => {
    process.env.DATABASE_URL = `postgresql://blueprint:x@127.0.0.1:${await freePort()}/blueprint`;
    try {
      vi.resetModules();
      const { GET } = await import("../../app/api/health/live/route");
      const response = await GET(new Request("http://localhost/api/health/live"), { params: Promise.resolve({}) });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true });
      expect(response.headers.get("cache-control")).toBe("no-store");
    } finally {
      process.env.DATABASE_URL = databaseUrl;
    }
  });
});
