// A client that drops its cookie gets a new anonymous learner each time, so the number
// of anonymous learners one client address may create is capped (100 an hour by
// default). Every take passes an explicit time: a slow machine cannot refill the bucket
// between two statements and change the counts.
import { beforeAll, describe, expect, test } from "vitest";
import { createDatabase, useAppEnv } from "./database";

let cap: typeof import("../../lib/rate-limit/anonymous-learner-limit");
let judge: typeof import("../../lib/rate-limit/judge-limit");
let learners: typeof import("../../lib/db/learners");

beforeAll(async () => {
  useAppEnv(await createDatabase({ migrated: true }));
  cap = await import("../../lib/rate-limit/anonymous-learner-limit");
  judge = await import("../../lib/rate-limit/judge-limit");
  learners = await import("../../lib/db/learners");
});

const start = new Date("2026-03-01T09:00:00.000Z");
const after = (seconds: number) => new Date(start.getTime() + seconds * 1000);

async function outcome(promise: Promise<void>) {
  try {
    await promise;
    return "allowed";
  } catch (error) {
    return error as { code: string; retryAfterSeconds?: number };
  }
}

describe("anonymous learners per client address", () => {
  test("the default allows 100 an hour from one address, then refuses with rate_limited and a Retry-After", async () => {
    const address = "203.0.113.10";
    for (let i = 0; i < 100; i += 1) expect(await outcome(cap.assertAnonymousLearnerAllowed(address, start))).toBe("allowed");
    // 100 an hour is one every 36 s.
    expect(await outcome(cap.assertAnonymousLearnerAllowed(address, start))).toMatchObject({ code: "rate_limited", retryAfterSeconds: 36 });
    expect(await outcome(cap.assertAnonymousLearnerAllowed(address, after(30)))).toMatchObject({ code: "rate_limited" });
    expect(await outcome(cap.assertAnonymousLearnerAllowed(address, after(75)))).toBe("allowed");
    // Another client is not affected.
    expect(await outcome(cap.assertAnonymousLearnerAllowed("203.0.113.11", start))).toBe("allowed");
  });

  test("addresses of one IPv6 /64 share an allowance", async () => {
    for (let i = 0; i < 3; i += 1) expect(await outcome(cap.assertAnonymousLearnerAllowed(`2001:db8:5:6::${i + 1}`, start, 3))).toBe("allowed");
    expect(await outcome(cap.assertAnonymousLearnerAllowed("2001:db8:5:6:ffff::9", start, 3))).toMatchObject({ code: "rate_limited" });
    expect(await outcome(cap.assertAnonymousLearnerAllowed("2001:db8:5:7::1", start, 3))).toBe("allowed");
  });

  test("a class of 50 behind one NAT address: every learner is created and keeps its own 30 runs a minute", async () => {
    const nat = "198.51.100.200";
    const ids: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      await cap.assertAnonymousLearnerAllowed(nat, start);
      ids.push((await learners.createLearner()).id);
    }
    expect(new Set(ids).size).toBe(50);
    const perLearner = await Promise.all(
      ids.map(async (id) => {
        let allowed = 0;
        for (let run = 0; run < 31; run += 1) if ((await judge.takeJudgeToken(id, 30, start)).allowed) allowed += 1;
        return allowed;
      }),
    );
    expect(perLearner).toEqual(Array<number>(50).fill(30));
  });
});
