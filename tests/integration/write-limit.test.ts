// Per-learner write limits (drafts, notes, interviews, ...): one token bucket per
// learner and kind in PostgreSQL. Every take passes an explicit time, so the refill
// a slow machine would add between two statements cannot change the counts.
import { beforeAll, describe, expect, test } from "vitest";
import { createDatabase, useAppEnv } from "./database";

let writes: typeof import("../../lib/rate-limit/write-limit");
let AppError: typeof import("../../lib/app-error").AppError;

beforeAll(async () => {
  useAppEnv(await createDatabase({ migrated: true }));
  process.env.BLUEPRINT_WRITE_RATE_PER_MINUTE = "12";
  writes = await import("../../lib/rate-limit/write-limit");
  ({ AppError } = await import("../../lib/app-error"));
});

const start = new Date("2026-01-01T10:00:00.000Z");
const later = (seconds: number) => new Date(start.getTime() + seconds * 1000);

async function refusal(promise: Promise<void>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return null;
}

describe("write limit", () => {
  test("allows the per-minute budget of a kind, then refuses with rate_limited and the seconds to wait", async () => {
    const learner = crypto.randomUUID();
    for (let i = 0; i < 12; i += 1) await writes.assertWriteAllowed(learner, "draft", start);
    const error = await refusal(writes.assertWriteAllowed(learner, "draft", start));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "rate_limited", retryAfterSeconds: 5 });
    // 12 a minute is one token per 5 s: back after 5 s, not before.
    expect(await refusal(writes.assertWriteAllowed(learner, "draft", later(4)))).toMatchObject({ code: "rate_limited" });
    await writes.assertWriteAllowed(learner, "draft", later(9));
  });

  test("kinds and learners have buckets of their own", async () => {
    const learner = crypto.randomUUID();
    for (let i = 0; i < 12; i += 1) await writes.assertWriteAllowed(learner, "note", start);
    expect(await refusal(writes.assertWriteAllowed(learner, "note", start))).toMatchObject({ code: "rate_limited" });
    await writes.assertWriteAllowed(learner, "progress", start);
    await writes.assertWriteAllowed(crypto.randomUUID(), "note", start);
  });

  test("interviews get a quarter of the budget", async () => {
    const learner = crypto.randomUUID();
    expect(writes.writeLimitPerMinute("interview")).toBe(3);
    for (let i = 0; i < 3; i += 1) await writes.assertWriteAllowed(learner, "interview", start);
    expect(await refusal(writes.assertWriteAllowed(learner, "interview", start))).toMatchObject({ code: "rate_limited", retryAfterSeconds: 20 });
  });

  test("concurrent writes never take more than the bucket holds", async () => {
    const learner = crypto.randomUUID();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => writes.assertWriteAllowed(learner, "drill", start)));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(12);
  });
});
