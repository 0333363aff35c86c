// Migrations are SQL we apply ourselves; this proves they build exactly the schema
// Prisma expects, are recorded the way Prisma records them, and serve every model.
import { createHash } from "node:crypto";
import pg from "pg";
import { beforeAll, describe, expect, test } from "vitest";
import { migrate, readMigrations } from "../../lib/db-tooling/migrate";
import { diffSchemas, isEmptyMigration } from "../../lib/db-tooling/schema-diff";
import { createDatabase, useAppEnv } from "./database";

let url: string;

beforeAll(async () => {
  url = await createDatabase({ migrated: false });
});

describe("migrations", () => {
  test("apply to an empty database and are recorded like prisma migrate deploy", async () => {
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    const { applied } = await migrate(url);
    expect(applied).toEqual(migrations.map((m) => m.name));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const rows = await client.query(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    await client.end();
    expect(rows.rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const [index, row] of rows.rows.entries()) {
      const sql = migrations[index]!.sql;
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  test("running again applies nothing", async () => {
    expect((await migrate(url)).applied).toEqual([]);
  });

  test("a migration edited after it was applied is refused", async () => {
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    await expect(migrate(url, edited)).rejects.toThrow(/was changed after it was applied/);
  });

  test("the migrated database matches prisma/schema.prisma (no drift)", async () => {
    const sql = await diffSchemas({ kind: "database", url }, { kind: "schema" });
    expect(isEmptyMigration(sql), sql).toBe(true);
  });

  test("the schema-to-schema diff needs no database and creates every table", async () => {
    const sql = await diffSchemas({ kind: "empty" }, { kind: "schema" });
    for (const table of ["User", "Learner", "Draft", "Submission", "Concept", "Interview", "InterviewNote", "InterviewBoard", "DrillRound", "DrillAnswer", "Session", "Account", "Verification", "RateLimit", "RateLimitBucket", "ConceptProgress"]) expect(sql).toContain(`CREATE TABLE "${table}"`);
  });

  test("every model works through the Prisma client", async () => {
    useAppEnv(url);
    const { db } = await import("../../lib/db/client");
    const prisma = db();
    const user = await prisma.user.create({ data: { name: "Ada", email: "ada@example.test" }, select: { id: true } });
    const learner = await prisma.learner.create({ data: { userId: user.id }, select: { id: true } });
    await prisma.draft.create({ data: { learnerId: learner.id, challengeId: "rate-limiting/limiters", code: "x" } });
    const submission = await prisma.submission.create({
      data: {
        learnerId: learner.id,
        challengeId: "rate-limiting/limiters",
        mode: "submit",
        code: "x",
        verdict: "failed",
        passed: 1,
        total: 2,
        result: { verdict: "failed" },
        contentHash: "h",
      },
      select: { id: true, result: true },
    });
    expect(submission.result).toEqual({ verdict: "failed" });
    await prisma.concept.create({
      data: { slug: "x", position: 99, title: "X", group: "G", challengeId: "x/y", available: false },
    });
    expect(await prisma.concept.count()).toBe(1);
    const interview = await prisma.interview.create({
      data: { learnerId: learner.id, prompt: "url-shortener", status: "running", phaseIndex: 0, timer: { phases: [] } },
      select: { id: true },
    });
    await prisma.interviewNote.create({ data: { interviewId: interview.id, phaseIndex: 0, text: "notes", version: 1 } });
    const board = await prisma.interviewBoard.create({
      data: { interviewId: interview.id, board: { version: 1, nodes: [], edges: [] }, version: 1, checkVerdict: { verdict: "failed" }, checkStatus: "failed", checkFailed: ["structure"], checkBoardVersion: 1, checkedAt: new Date() },
      select: { checkFailed: true, board: true },
    });
    expect(board).toEqual({ checkFailed: ["structure"], board: { version: 1, nodes: [], edges: [] } });
    const round = await prisma.drillRound.create({ data: { learnerId: learner.id, scenarioIds: ["a", "b"] }, select: { id: true, scenarioIds: true } });
    expect(round.scenarioIds).toEqual(["a", "b"]);
    await prisma.drillAnswer.create({ data: { roundId: round.id, scenarioId: "a", chosen: "caching", correct: true } });
    await prisma.session.create({ data: { userId: user.id, token: "t", expiresAt: new Date(Date.now() + 60_000) } });
    await prisma.account.create({ data: { userId: user.id, accountId: user.id, providerId: "credential", password: "hash" } });
    await prisma.verification.create({ data: { identifier: "email", value: "v", expiresAt: new Date() } });
    await prisma.rateLimit.create({ data: { key: "127.0.0.1/sign-in/email", count: 1, lastRequest: BigInt(Date.now()) } });
    await prisma.rateLimitBucket.create({ data: { key: "judge:x", tokens: 29, allowed: true, updatedAt: new Date() } });
    await prisma.conceptProgress.create({ data: { learnerId: learner.id, conceptSlug: "rate-limiting", attempts: 1, solvedAt: new Date() } });
    const card = await prisma.reviewCard.create({
      data: { learnerId: learner.id, sourceKind: "hidden_test", sourceKey: "rate-limiting/limiters:t", conceptSlug: "rate-limiting", payload: { name: "t" }, due: new Date() },
      select: { id: true, version: true, state: true },
    });
    expect(card).toMatchObject({ version: 0, state: 0 });
    await prisma.reviewLog.create({ data: { cardId: card.id, learnerId: learner.id, grade: 3, state: 0, reviewedAt: new Date(), due: new Date(), scheduledDays: 0, stability: 1, difficulty: 5 } });
    expect((await prisma.learner.findUniqueOrThrow({ where: { id: learner.id }, select: { strictMode: true } })).strictMode).toBe(false);
    await prisma.submission.create({
      data: { learnerId: learner.id, challengeId: "rate-limiting/limiters", mode: "draft", code: "old", verdict: "not_judged", passed: 0, total: 0, result: {}, contentHash: "" },
    });
    expect(await prisma.verification.count()).toBe(1);
    expect(await prisma.rateLimit.count()).toBe(1);
    expect(await prisma.rateLimitBucket.count()).toBe(1);
    // Deleting the user cascades to the learner and everything the learner owns.
    await prisma.user.delete({ where: { id: user.id } });
    expect(await prisma.learner.count()).toBe(0);
    expect(await prisma.draft.count()).toBe(0);
    expect(await prisma.submission.count()).toBe(0);
    expect(await prisma.interviewNote.count()).toBe(0);
    expect(await prisma.interviewBoard.count()).toBe(0);
    expect(await prisma.drillAnswer.count()).toBe(0);
    expect(await prisma.session.count()).toBe(0);
    expect(await prisma.account.count()).toBe(0);
    expect(await prisma.conceptProgress.count()).toBe(0);
    expect(await prisma.reviewCard.count()).toBe(0);
    expect(await prisma.reviewLog.count()).toBe(0);
  });
});
