// GET /api/health through the real route handler: a real PostgreSQL and a real judge service,
// then each taken away, and the answer says which piece is down in words (issue 18).
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freePort } from "../../lib/db-tooling/embedded-postgres";
import { createJudgeService } from "../../lib/judge/service";
import { createDatabase, useAppEnv } from "./database";

type HealthBody = { status: string; message: string; database: { up: boolean; problem?: string }; judge: { up: boolean; problem?: string } };

/** A fresh copy of the route (and of the env and database client it caches) for the current environment. */
async function health(): Promise<{ status: number; body: HealthBody }> {
  vi.resetModules();
  delete (globalThis as { blueprintPrisma?: unknown }).blueprintPrisma;
  const { GET } = await import("../../app/api/health/route");
  const response = await GET(new Request("http://localhost/api/health"), { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as HealthBody };
}

let judge: Server;
let databaseUrl: string;

beforeAll(async () => {
  databaseUrl = await createDatabase({ migrated: true });
  useAppEnv(databaseUrl);
  // A slow machine must not turn "up" into "down": the timeout is not what these tests are about.
  process.env.BLUEPRINT_HEALTH_TIMEOUT_MS = "30000";
  judge = createJudgeService({ secret: process.env.JUDGE_SECRET ?? "", loadSuite: () => undefined });
  await new Promise<void>((resolve) => judge.listen(0, "127.0.0.1", resolve));
  process.env.JUDGE_URL = `http://127.0.0.1:${(judge.address() as AddressInfo).port}`;
});
afterAll(() => {
  judge.close();
});

describe("GET /api/health", () => {
  it("answers 200 when the database and the judge are up", async () => {
    const { status, body } = await health();
    expect(body.message).toBe("the database and the judge are up");
    expect(status).toBe(200);
    expect(body).toEqual({ status: "ok", message: "the database and the judge are up", database: { up: true }, judge: { up: true } });
  });

  it("names the judge when only the judge is down", async () => {
    const url = process.env.JUDGE_URL;
    process.env.JUDGE_URL = `http://127.0.0.1:${await freePort()}`; // nothing listens there
    try {
      const { status, body } = await health();
      expect(status).toBe(503);
      expect(body.database).toEqual({ up: true });
      expect(body.judge.up).toBe(false);
      expect(body.judge.problem).toContain("the judge service does not answer at JUDGE_URL");
      expect(body.message).toBe(`the judge is down: ${body.judge.problem}`);
    } finally {
      process.env.JUDGE_URL = url;
    }
  });

  it("names the database when PostgreSQL does not answer, without showing its URL", async () => {
    const port = await freePort();
    process.env.DATABASE_URL = `postgresql://blueprint:the-secret-password@127.0.0.1:${port}/blueprint`;
    try {
      const { status, body } = await health();
      expect(status).toBe(503);
      expect(body.judge).toEqual({ up: true });
      expect(body.database.up).toBe(false);
      expect(body.database.problem).toContain("PostgreSQL does not answer at DATABASE_URL's address");
      expect(body.message).toBe(`the database is down: ${body.database.problem}`);
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

  it("names both when both are down", async () => {
    const judgeUrl = process.env.JUDGE_URL;
    process.env.JUDGE_URL = `http://127.0.0.1:${await freePort()}`;
    process.env.DATABASE_URL = `postgresql://blueprint:x@127.0.0.1:${await freePort()}/blueprint`;
    try {
      const { status, body } = await health();
      expect(status).toBe(503);
      expect(body.status).toBe("down");
      expect(body.message).toMatch(/^the database is down: .+; the judge is down: .+$/);
    } finally {
      process.env.JUDGE_URL = judgeUrl;
      process.env.DATABASE_URL = databaseUrl;
    }
  });
});
