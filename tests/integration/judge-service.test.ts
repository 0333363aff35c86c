// The judge service over real HTTP on loopback: its contract, its bad-input
// answers, and 503 with Retry-After when its queue is full.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadChallenge, toJudgeSuite } from "../../lib/content/challenges";
import { createJudgeService, type JudgeServiceEvent } from "../../lib/judge/service";

const secret = "judge-service-test-secret-0123456789";
const challenge = loadChallenge("rate-limiting/limiters")!;
const loadSuite = (id: string) => {
  const found = loadChallenge(id);
  return found ? toJudgeSuite(found) : undefined;
};

const servers: Array<ReturnType<typeof createJudgeService>> = [];
async function start(options: { concurrency?: number; maxQueue?: number; onEvent?: (event: JudgeServiceEvent) => void } = {}): Promise<string> {
  const server = createJudgeService({ secret, loadSuite, ...options });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function post(base: string, body: unknown, headers: Record<string, string> = { "x-judge-secret": secret }) {
  return fetch(`${base}/judge`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

let base: string;
beforeAll(async () => {
  base = await start();
});
afterAll(() => {
  for (const server of servers) server.close();
});

describe("judge service", () => {
  test("judges a submission and answers the verdict JSON", async () => {
    const response = await post(base, { challengeId: challenge.id, mode: "submit", code: challenge.solution });
    expect(response.status).toBe(200);
    const verdict = await response.json();
    expect(verdict).toMatchObject({ challengeId: challenge.id, mode: "submit", verdict: "passed" });
    expect(verdict.total).toBe(verdict.passed);
  });

  test.each([
    ["no secret", { challengeId: challenge.id, mode: "run", code: "" }, {}, 401, /secret/],
    ["malformed JSON", "{nope", undefined, 400, /not valid JSON/],
    ["code missing", { challengeId: challenge.id, mode: "run" }, undefined, 400, /code must be a string/],
    ["unknown mode", { challengeId: challenge.id, mode: "walk", code: "" }, undefined, 400, /mode must be/],
    ["unknown challenge", { challengeId: "nope/nothing", mode: "run", code: "" }, undefined, 404, /unknown challenge/],
    ["code over 64 KiB", { challengeId: challenge.id, mode: "run", code: "x".repeat(65 * 1024) }, undefined, 413, /64 KiB/],
  ])("%s gets a clear 4xx", async (_name, body, headers, status, message) => {
    const response = await post(base, body, headers as Record<string, string> | undefined);
    expect(response.status).toBe(status);
    expect((await response.json()).error).toMatch(message as RegExp);
  });

  test("a full queue answers 503 with Retry-After, and the service recovers", async () => {
    // The second request is sent once the first has taken the one slot (an event, not a guess at how long that takes).
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstStarted = resolve));
    const busy = await start({ concurrency: 1, maxQueue: 0, onEvent: (event) => event.type === "started" && firstStarted() });
    const hang = { challengeId: challenge.id, mode: "run", code: "while (true) {}" };
    const first = post(busy, hang);
    await started;
    const second = await post(busy, hang);
    expect(second.status).toBe(503);
    expect(Number(second.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await (await first).json()).verdict).toBe("timeout");
    const after = await post(busy, { challengeId: challenge.id, mode: "run", code: challenge.solution });
    expect((await after.json()).verdict).toBe("passed");
  });
});
