import { describe, expect, it } from "vitest";

// A fresh module copy each time: the registry must be the one on globalThis, not the module's.
async function freshRegistry() {
  const { vi } = await import("vitest");
  vi.resetModules();
  return import("./registry");
}

describe("metrics registry", () => {
  it("counts a judged submit by mode and verdict and observes its time in seconds", async () => {
    const m = await freshRegistry();
    m.recordJudgeOutcome({ mode: "submit", verdict: "accepted", judgeMs: 40, queueWaitMs: 7 });
    m.recordJudgeOutcome({ mode: "submit", verdict: "accepted", judgeMs: 60 });
    const text = await m.metricsText();
    expect(text).toMatch(/^blueprint_submissions_total\{mode="submit",verdict="accepted"\} 2$/m);
    expect(text).toMatch(/^blueprint_judge_duration_seconds_sum\{mode="submit"\} 0\.1$/m);
    expect(text).toMatch(/^blueprint_judge_duration_seconds_bucket\{le="0\.05",mode="submit"\} 1$/m);
    // Only the first had a queue wait: one observation of 7 ms, in the 10 ms bucket.
    expect(text).toMatch(/^blueprint_judge_queue_wait_seconds_count 1$/m);
    expect(text).toMatch(/^blueprint_judge_queue_wait_seconds_bucket\{le="0\.01"\} 1$/m);
    expect(text).toMatch(/^blueprint_judge_queue_wait_seconds_bucket\{le="0\.005"\} 0$/m);
  });

  it("counts refusals by status and reason", async () => {
    const m = await freshRegistry();
    m.recordRefusal(429, "drafts");
    m.recordRefusal(503, "database");
    m.recordRefusal(503, "database");
    const text = await m.metricsText();
    expect(text).toMatch(/^blueprint_http_refusals_total\{status="503",reason="database"\} 2$/m);
    expect(text).toMatch(/^blueprint_http_refusals_total\{status="429",reason="drafts"\} 1$/m);
  });

  it("keeps one registry across module copies (Next.js bundles each route on its own)", async () => {
    const first = await freshRegistry();
    first.recordJudgeOutcome({ mode: "run", verdict: "wrong_answer", judgeMs: 5 });
    const second = await freshRegistry();
    expect(second).not.toBe(first);
    expect(await second.metricsText()).toMatch(/^blueprint_submissions_total\{mode="run",verdict="wrong_answer"\} 1$/m);
  });

  it("serves Prometheus' text format with the process's default metrics under the blueprint_ prefix", async () => {
    const m = await freshRegistry();
    expect(m.metricsContentType()).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await m.metricsText()).toMatch(/^blueprint_process_cpu_seconds_total /m);
  });
});
