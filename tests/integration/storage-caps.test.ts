// What one learner can store is bounded: old runs and submits, finished interviews and
// drill rounds beyond the caps are deleted, newest kept; the solving submission and
// interviews in progress never are. Rows get explicit createdAt values, one second
// apart, so "newest" does not depend on how fast the machine inserts.
import { beforeAll, describe, expect, test } from "vitest";
import { createDatabase, useAppEnv } from "./database";

let caps: typeof import("../../lib/db/storage-caps");
let client: typeof import("../../lib/db/client");

beforeAll(async () => {
  useAppEnv(await createDatabase({ migrated: true }));
  caps = await import("../../lib/db/storage-caps");
  client = await import("../../lib/db/client");
});

const CHALLENGE = "rate-limiting/limiters";
const at = (second: number) => new Date(Date.UTC(2026, 4, 1, 8, 0, second));

async function learner() {
  return (await client.db().learner.create({ data: {} })).id;
}

function submission(learnerId: string, mode: "run" | "submit", second: number, challengeId = CHALLENGE) {
  return {
    learnerId,
    challengeId,
    mode,
    code: `// ${mode} ${second}`,
    verdict: "failed" as const,
    passed: 0,
    total: 1,
    result: {},
    contentHash: "h",
    createdAt: at(second),
  };
}

describe("submissions", () => {
  test("keeps the newest runs and submits per challenge, and the submission that solved the concept", async () => {
    const db = client.db();
    const id = await learner();
    await db.submission.createMany({
      data: [
        ...Array.from({ length: 6 }, (_, i) => submission(id, "run", i)),
        ...Array.from({ length: 5 }, (_, i) => submission(id, "submit", 10 + i)),
        submission(id, "run", 30, "caching/lru-cache"),
      ],
    });
    const solving = await db.submission.findFirstOrThrow({ where: { learnerId: id, code: "// submit 10" } });
    await db.conceptProgress.create({ data: { learnerId: id, conceptSlug: "rate-limiting", solvedAt: at(10), solvedSubmissionId: solving.id } });

    const deleted = await caps.pruneSubmissions(id, CHALLENGE, { ...caps.STORAGE_CAPS, runsPerChallenge: 2, submitsPerChallenge: 3 });

    expect(deleted).toBe(4 + 1);
    const left = await db.submission.findMany({ where: { learnerId: id }, orderBy: { createdAt: "asc" }, select: { code: true } });
    expect(left.map((row) => row.code)).toEqual(["// run 4", "// run 5", "// submit 10", "// submit 12", "// submit 13", "// submit 14", "// run 30"]);
  });

  test("another learner's submissions are not touched", async () => {
    const db = client.db();
    const [mine, theirs] = [await learner(), await learner()];
    await db.submission.createMany({ data: [submission(mine, "run", 0), submission(mine, "run", 1), submission(theirs, "run", 0), submission(theirs, "run", 1)] });
    await caps.pruneSubmissions(mine, CHALLENGE, { ...caps.STORAGE_CAPS, runsPerChallenge: 1 });
    expect(await db.submission.count({ where: { learnerId: mine } })).toBe(1);
    expect(await db.submission.count({ where: { learnerId: theirs } })).toBe(2);
  });
});

describe("interviews", () => {
  const interview = (learnerId: string, second: number, status: "running" | "finished") => ({
    learnerId,
    prompt: "url-shortener",
    status,
    phaseIndex: 0,
    timer: {},
    createdAt: at(second),
  });

  test("room for one more: the oldest finished interviews go, those in progress stay", async () => {
    const db = client.db();
    const id = await learner();
    await db.interview.createMany({
      data: [interview(id, 0, "finished"), interview(id, 1, "running"), interview(id, 2, "finished"), interview(id, 3, "finished")],
    });
    await caps.makeRoomForInterview(id, 3);
    const left = await db.interview.findMany({ where: { learnerId: id }, orderBy: { createdAt: "asc" }, select: { createdAt: true } });
    expect(left.map((row) => row.createdAt.getTime())).toEqual([at(1), at(3)].map((date) => date.getTime()));
  });

  test("when every interview is still in progress, a new one is refused with conflict", async () => {
    const db = client.db();
    const id = await learner();
    await db.interview.createMany({ data: [interview(id, 0, "running"), interview(id, 1, "running")] });
    await expect(caps.makeRoomForInterview(id, 2)).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/2 interviews that are not finished/) });
    expect(await db.interview.count({ where: { learnerId: id } })).toBe(2);
  });
});

describe("drill rounds", () => {
  test("room for one more: the oldest rounds beyond the cap go", async () => {
    const db = client.db();
    const id = await learner();
    await db.drillRound.createMany({ data: Array.from({ length: 4 }, (_, i) => ({ learnerId: id, scenarioIds: [`s${i}`], createdAt: at(i), finishedAt: at(i) })) });
    expect(await caps.pruneDrillRounds(id, 2)).toBe(3);
    const left = await db.drillRound.findMany({ where: { learnerId: id }, select: { scenarioIds: true } });
    expect(left.map((row) => row.scenarioIds)).toEqual([["s3"]]);
  });
});
