// Anonymous learners inactive for 30 days are deleted with all they own; active ones
// and accounts' learners stay. lastSeenAt moves at most once per throttle window.
// Every time here is explicit, so the outcome does not depend on when the test runs.
import { beforeAll, describe, expect, test } from "vitest";
import { createDatabase, useAppEnv } from "./database";

let databaseUrl: string;
let cleanup: typeof import("../../lib/db/learner-cleanup");
let learners: typeof import("../../lib/db/learners");
let client: typeof import("../../lib/db/client");

beforeAll(async () => {
  databaseUrl = await createDatabase({ migrated: true });
  useAppEnv(databaseUrl);
  cleanup = await import("../../lib/db/learner-cleanup");
  learners = await import("../../lib/db/learners");
  client = await import("../../lib/db/client");
});

const now = new Date("2026-06-30T12:00:00.000Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);

describe("clean-up of inactive anonymous learners", () => {
  test("deletes anonymous learners idle over 30 days with their work; keeps recent ones and accounts", async () => {
    const db = client.db();
    const user = await db.user.create({ data: { name: "Kept", email: `kept-${crypto.randomUUID()}@example.test` } });
    const stale = await db.learner.create({ data: { lastSeenAt: daysAgo(31) } });
    const recent = await db.learner.create({ data: { lastSeenAt: daysAgo(29) } });
    const account = await db.learner.create({ data: { userId: user.id, lastSeenAt: daysAgo(400) } });
    for (const learner of [stale, recent, account]) {
      await db.draft.create({ data: { learnerId: learner.id, challengeId: "rate-limiting/limiters", code: "// mine" } });
    }
    await db.rateLimitBucket.createMany({
      data: [
        { key: `judge:${stale.id}`, tokens: 3, allowed: true, updatedAt: daysAgo(2) },
        { key: `judge:${recent.id}`, tokens: 3, allowed: true, updatedAt: now },
        { key: "someone-elses:limit", tokens: 3, allowed: true, updatedAt: daysAgo(2) },
      ],
    });

    const result = await cleanup.cleanUpInactiveLearners(databaseUrl, { now, batchSize: 1 });

    expect(result).toEqual({ learners: 1, buckets: 1, judgeJobs: 0, judgeWorkers: 0 });
    const left = await db.learner.findMany({ where: { id: { in: [stale.id, recent.id, account.id] } }, select: { id: true } });
    expect(left.map((row) => row.id).sort()).toEqual([recent.id, account.id].sort());
    expect(await db.draft.count({ where: { learnerId: stale.id } })).toBe(0);
    expect(await db.draft.count({ where: { learnerId: recent.id } })).toBe(1);
    const keys = (await db.rateLimitBucket.findMany({ select: { key: true } })).map((row) => row.key).sort();
    expect(keys).toEqual([`judge:${recent.id}`, "someone-elses:limit"].sort());
  });

  test("deletes every stale learner, however many batches it takes", async () => {
    const db = client.db();
    await db.learner.createMany({ data: Array.from({ length: 7 }, () => ({ lastSeenAt: daysAgo(45) })) });
    const result = await cleanup.cleanUpInactiveLearners(databaseUrl, { now, batchSize: 3 });
    expect(result.learners).toBe(7);
    expect(await db.learner.count({ where: { userId: null, lastSeenAt: { lt: daysAgo(30) } } })).toBe(0);
  });
});

describe("clean-up of the judge queue's rows", () => {
  test("deletes finished judge jobs (their copy of the code) and dead workers' rows after a day; keeps unfinished jobs and live workers", async () => {
    const db = client.db();
    const learner = await db.learner.create({ data: { lastSeenAt: now } });
    const job = (status: "queued" | "running" | "done" | "not_judged", createdAt: Date) => ({
      id: crypto.randomUUID(),
      learnerId: learner.id,
      challengeId: "rate-limiting/limiters",
      mode: "submit" as const,
      code: "// a learner's code",
      status,
      createdAt,
    });
    const oldDone = job("done", daysAgo(2));
    const oldNotJudged = job("not_judged", daysAgo(2));
    const recentDone = job("done", daysAgo(0.5));
    const oldQueued = job("queued", daysAgo(2)); // never finished: left for the queue to settle, not deleted under it
    await db.judgeJob.createMany({ data: [oldDone, oldNotJudged, recentDone, oldQueued] });
    const worker = (id: string, lastBeat: Date) => ({ id, slotIds: [id], concurrency: 1, leaseMs: 5000, host: "test", pid: 1, lastBeat });
    await db.judgeWorker.createMany({ data: [worker(`dead-${crypto.randomUUID()}`, daysAgo(3)), worker(`live-${crypto.randomUUID()}`, now)] });

    const result = await cleanup.cleanUpInactiveLearners(databaseUrl, { now });

    expect(result.judgeJobs).toBe(2);
    expect(result.judgeWorkers).toBe(1);
    const jobsLeft = (await db.judgeJob.findMany({ where: { learnerId: learner.id }, select: { id: true } })).map((row) => row.id).sort();
    expect(jobsLeft).toEqual([recentDone.id, oldQueued.id].sort());
    expect((await db.judgeWorker.findMany({ select: { id: true } })).map((row) => row.id).filter((id) => id.startsWith("dead-"))).toEqual([]);
  });
});

describe("last activity", () => {
  test("is written at most once per throttle window", async () => {
    const { id } = await client.db().learner.create({ data: { lastSeenAt: daysAgo(1) } });
    const tenMinutes = 10 * 60 * 1000;
    expect(await learners.touchLearner(id, now, tenMinutes)).toBe(true);
    expect(await learners.touchLearner(id, new Date(now.getTime() + 60_000), tenMinutes)).toBe(false);
    expect((await learners.findAnonymousLearner(id))?.lastSeenAt.toISOString()).toBe(now.toISOString());
    const later = new Date(now.getTime() + tenMinutes + 1);
    expect(await learners.touchLearner(id, later, tenMinutes)).toBe(true);
    expect((await learners.findAnonymousLearner(id))?.lastSeenAt.toISOString()).toBe(later.toISOString());
  });
});
