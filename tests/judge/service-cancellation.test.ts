// A judge job lives only as long as its caller (issue 11, hole 7): a caller that hangs
// up has its queued job dropped and its running job's isolate disposed; a caller whose
// budget (x-judge-timeout-ms) runs out gets 504 and the job is stopped. Real service
// over loopback; the test waits on the service's own events, never on the clock.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadChallenge, toJudgeSuite } from "../../lib/content/challenges";
import { JudgeUnavailableError, requestVerdict } from "../../lib/judge/client";
import { createJudgeService, type JudgeServiceEvent } from "../../lib/judge/service";
import { DEFAULT_LIMITS } from "../../lib/judge/verdict";

const secret = "judge-cancellation-test-secret-0123456789";
const challenge = loadChallenge("rate-limiting/limiters");
if (!challenge) throw new Error("the rate-limiting challenge is missing");
const suite = toJudgeSuite(challenge);
// Long limits: a hang here ends only by cancellation, so the test cannot pass by the clock.
const limits = { ...DEFAULT_LIMITS, cpuMs: 60_000, wallMs: 60_000 };
const hang = { challengeId: challenge.id, mode: "run", code: "while (true) {}" };

const events: JudgeServiceEvent[] = [];
const waiters: Array<() => void> = [];
function nextEvent(matches: (event: JudgeServiceEvent) => boolean): Promise<JudgeServiceEvent> {
  return new Promise((resolve) => {
    const seen = events.length;
    const look = () => {
      const found = events.slice(seen).find(matches);
      if (found) resolve(found);
      else waiters.push(look);
    };
    look();
  });
}

let base: string;
let server: ReturnType<typeof createJudgeService>;
beforeAll(async () => {
  server = createJudgeService({
    secret,
    concurrency: 1,
    limits,
    loadSuite: (id) => (id === suite.id ? suite : undefined),
    onEvent: (event) => {
      events.push(event);
      for (const wake of waiters.splice(0)) wake();
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
});

function post(body: unknown, signal?: AbortSignal, headers: Record<string, string> = {}) {
  return fetch(`${base}/judge`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-judge-secret": secret, ...headers },
    body: JSON.stringify(body),
    signal,
  });
}
const health = async () => (await (await fetch(`${base}/health`)).json()) as { running: number; queued: number };

describe("a job whose caller has gone", () => {
  test("queued: dropped without running; running: stopped; the slot serves the next caller", async () => {
    const first = new AbortController();
    const firstStarted = nextEvent((e) => e.type === "started");
    const firstResponse = post(hang, first.signal).catch((error: unknown) => error);
    await firstStarted;

    const second = new AbortController();
    const secondQueued = nextEvent((e) => e.type === "queued");
    const secondResponse = post(hang, second.signal).catch((error: unknown) => error);
    await secondQueued;
    expect(await health()).toMatchObject({ running: 1, queued: 1 });

    const dropped = nextEvent((e) => e.type === "cancelled");
    second.abort();
    expect(await dropped).toMatchObject({ type: "cancelled", while: "queued", reason: "disconnected" });
    expect(await secondResponse).toBeInstanceOf(Error);
    expect(await health()).toMatchObject({ running: 1, queued: 0 });

    const stopped = nextEvent((e) => e.type === "cancelled");
    first.abort();
    expect(await stopped).toMatchObject({ type: "cancelled", while: "running", reason: "disconnected" });
    expect(await firstResponse).toBeInstanceOf(Error);
    // Only the first job ever started: the dropped one never ran.
    expect(events.filter((e) => e.type === "started")).toHaveLength(1);

    const next = await post({ challengeId: challenge.id, mode: "run", code: challenge.solution });
    expect(next.status).toBe(200);
    expect(((await next.json()) as { verdict: string }).verdict).toBe("passed");
    expect(await health()).toMatchObject({ running: 0, queued: 0 });
  });

  test("past its deadline: 504, and the isolate is stopped", async () => {
    const stopped = nextEvent((e) => e.type === "cancelled");
    const response = await post(hang, undefined, { "x-judge-timeout-ms": "300" });
    expect(response.status).toBe(504);
    expect(((await response.json()) as { error: string }).error).toMatch(/deadline passed/);
    expect(await stopped).toMatchObject({ while: "running", reason: "deadline" });

  });

  test("the client tells the service its budget, so a job outliving it is stopped", async () => {
    const stopped = nextEvent((e) => e.type === "cancelled");
    const verdict = requestVerdict({ url: base, secret }, { challengeId: challenge.id, mode: "run", code: hang.code }, { timeoutMs: 300 });
    await expect(verdict).rejects.toThrow(JudgeUnavailableError);
    // Whichever side notices first (the client's abort or the service's deadline), the isolate goes.
    expect(await stopped).toMatchObject({ type: "cancelled", while: "running" });
    expect(await health()).toMatchObject({ running: 0, queued: 0 });
  });

  test("a judge child over its memory bound after a run is replaced, and the service keeps answering", async () => {
    const recycled: number[] = [];
    const spawned: number[] = [];
    let wake = () => {};
    const tight = createJudgeService({
      secret,
      concurrency: 1,
      limits: { ...limits, processRssMb: 1 }, // any process is above 1 MB
      loadSuite: (id) => (id === suite.id ? suite : undefined),
      onPoolEvent: (event) => {
        if (event.type === "recycled") recycled.push(event.pid);
        if (event.type === "spawned") spawned.push(event.pid);
        wake();
      },
    });
    await new Promise<void>((resolve) => tight.listen(0, "127.0.0.1", resolve));
    const ask = async () => {
      const response = await fetch(`http://127.0.0.1:${(tight.address() as AddressInfo).port}/judge`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-judge-secret": secret },
        body: JSON.stringify({ challengeId: challenge.id, mode: "run", code: challenge.solution }),
      });
      return ((await response.json()) as { verdict: string }).verdict;
    };
    try {
      expect(await ask()).toBe("memory_limit");
      expect(recycled).toEqual([spawned[0]]);
      // The replacement is a new process, and it answers too (and is replaced in turn).
      await new Promise<void>((resolve) => {
        wake = () => spawned.length >= 2 && resolve();
        wake();
      });
      expect(await ask()).toBe("memory_limit");
      expect(recycled).toEqual(spawned.slice(0, 2));
    } finally {
      tight.close();
    }
  });

  test("a malformed deadline is a clear 400", async () => {
    const response = await post(hang, undefined, { "x-judge-timeout-ms": "soon" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/x-judge-timeout-ms must be a positive whole number/);
  });
});
