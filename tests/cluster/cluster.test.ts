// The cluster under faults (issue 16, part 5): two app servers behind HAProxy, two judge
// workers, one PostgreSQL, all real processes on loopback, started by lib/cluster as
// `npm run cluster` starts them. Needs a production build (npm test builds one first).
// Every wait is on an event (a HAProxy log line, a process exit, an answer), bounded by
// generous timeouts: the machine may be busy.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectionBoundMs } from "../../lib/cluster/haproxy-config";
import { until } from "../../lib/cluster/start-cluster";
import {
  attemptHub,
  attemptsAnswered,
  CHALLENGE,
  DRAFT_PATH,
  newLearner,
  startTestCluster,
  submissionRowsByMarker,
  submissionStream,
  type Attempt,
} from "./load";

let cluster: Awaited<ReturnType<typeof startTestCluster>>;
beforeAll(async () => {
  cluster = await startTestCluster({ apps: 2, workers: 2 });
}, 300_000);
afterAll(async () => {
  await cluster?.cleanUp();
}, 120_000);

const json = { "content-type": "application/json" };

/** Every accepted submission has exactly one Submission row with its verdict; no marker has two. */
async function expectExactlyOneVerdictPerAcceptedSubmission(attempts: Attempt[]) {
  const rows = await submissionRowsByMarker(cluster.databaseUrl);
  const accepted = attempts.filter((attempt) => attempt.status === 200);
  expect(accepted.length).toBeGreaterThan(0);
  for (const attempt of accepted) expect({ marker: attempt.marker, rows: rows.get(attempt.marker) }).toEqual({ marker: attempt.marker, rows: ["passed"] });
  const duplicated = [...rows].filter(([, verdicts]) => verdicts.length > 1);
  expect(duplicated).toEqual([]);
}

describe("a learner whose requests alternate between the two app servers", () => {
  it("sees the same draft, the same account session and the same interview clock on both", async () => {
    const [one, two] = cluster.appUrls as [string, string];

    // Draft: saved through app 1, read through app 2.
    const cookie = await newLearner(one);
    const code = `// my draft ${randomUUID()}\n${CHALLENGE.starter}`;
    const saved = await fetch(`${one}${DRAFT_PATH}`, { method: "PUT", headers: { ...json, cookie }, body: JSON.stringify({ code }) });
    expect(saved.status).toBe(200);
    const draft = (await (await fetch(`${two}${DRAFT_PATH}`, { headers: { cookie } })).json()) as { code: string; updatedAt: string };
    expect(draft.code).toBe(code);
    expect(draft.updatedAt).toBe(((await saved.json()) as { updatedAt: string }).updatedAt);

    // Account session: signed up through app 2, known to app 1. (A browser sends each server's own origin: the same-origin check in proxy.ts.)
    const email = `cluster-${randomUUID()}@example.test`;
    const signUp = await fetch(`${two}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { ...json, origin: two, cookie },
      body: JSON.stringify({ email, password: "correct horse battery staple", name: "Cluster" }),
    });
    expect(signUp.status).toBe(200);
    const sessionCookies = signUp.headers.getSetCookie().map((entry) => entry.split(";")[0]!);
    const allCookies = [cookie, ...sessionCookies].join("; ");
    for (const server of [one, two]) {
      const me = (await (await fetch(`${server}/api/me`, { headers: { cookie: allCookies } })).json()) as { user: { email: string } | null };
      expect({ server, email: me.user?.email }).toEqual({ server, email });
    }

    // Interview clock: started on app 1, running on app 2, paused on app 2, frozen on both.
    const started = await fetch(`${one}/api/interviews`, { method: "POST", headers: { ...json, origin: one, cookie: allCookies }, body: JSON.stringify({ prompt: "url-shortener" }) });
    expect(started.status).toBe(201);
    const interview = (await started.json()) as { id: string; phases: Array<{ elapsedMs: number }> };
    type View = { status: string; phaseIndex: number; phases: Array<{ elapsedMs: number }>; serverNow: number };
    const view = async (server: string) => (await (await fetch(`${server}/api/interviews/${interview.id}`, { headers: { cookie: allCookies } })).json()) as View;
    const onTwo = await view(two);
    expect(onTwo.status).toBe("running");
    expect(onTwo.phases[0]!.elapsedMs).toBeGreaterThanOrEqual(interview.phases[0]!.elapsedMs);
    const paused = await fetch(`${two}/api/interviews/${interview.id}/pause`, { method: "POST", headers: { origin: two, cookie: allCookies } });
    expect(paused.status).toBe(200);
    const frozen = ((await paused.json()) as View).phases[0]!.elapsedMs;
    const [afterOne, afterTwo] = [await view(one), await view(two)];
    expect([afterOne.status, afterTwo.status]).toEqual(["paused", "paused"]);
    // A paused clock reads the same wherever it is read, and whenever: it lives in PostgreSQL, not in a server.
    expect([afterOne.phases[0]!.elapsedMs, afterTwo.phases[0]!.elapsedMs]).toEqual([frozen, frozen]);
  });
});

describe("an app server killed under a steady stream of submissions through HAProxy", () => {
  it("is taken out of rotation within the health-check interval, no answer is wrong, it comes back after a restart, and every accepted submission has one verdict", async () => {
    const hub = attemptHub();
    const cookies = await Promise.all(Array.from({ length: 4 }, () => newLearner(cluster.url)));
    const stream = submissionStream(cluster.url, cookies, hub.emit);
    try {
      await attemptsAnswered(hub.subscribe, 8, (attempt) => attempt.status === 200);

      const down = cluster.supervisor.waitForLine("haproxy", /Server apps\/app1 is DOWN/, 60_000);
      const exit = await cluster.supervisor.kill("app1", "SIGKILL");
      const killedAt = performance.now();
      expect(exit.signal).toBe("SIGKILL");
      await down;
      const noticedMs = performance.now() - killedAt;
      // HAProxy's own view: out of rotation because its checks were refused (the kill), not for a slow answer.
      const app1 = (await cluster.appStats()).find((entry) => entry.server === "app1");
      expect(app1).toMatchObject({ status: "DOWN", lastCheck: "L4CON" });
      process.stdout.write(`app1 killed -> HAProxy marked it DOWN in ${noticedMs.toFixed(0)} ms (checks every 500 ms, fall 2: ${detectionBoundMs({})} ms)\n`);
      // Within fall x inter of the kill, plus a check's own slack on a busy machine; the figure is printed above.
      expect(noticedMs).toBeLessThan(detectionBoundMs({}) + 5_000);

      // With app1 out, requests started from now on all reach app2 and all pass.
      const downAt = performance.now();
      await attemptsAnswered(hub.subscribe, 8, (attempt) => attempt.startedAt > downAt);
      const afterDown = stream.attempts.filter((attempt) => attempt.startedAt > downAt);
      expect(afterDown.map((attempt) => attempt.status).filter((status) => status !== 200)).toEqual([]);

      // Restarted, it is back in rotation: UP again, and HAProxy sends it requests.
      const up = cluster.supervisor.waitForLine("haproxy", /Server apps\/app1 is UP/, 180_000);
      cluster.supervisor.restart("app1");
      await up;
      const sessionsAtUp = (await cluster.appStats()).find((entry) => entry.server === "app1")!.totalSessions;
      await until("app1 takes requests again", async () => (await cluster.appStats()).find((entry) => entry.server === "app1")!.totalSessions > sessionsAtUp + 2, 60_000);
    } finally {
      await stream.stop();
    }

    const attempts = stream.attempts;
    // Every answer that came was a correct one; the only failures are requests in flight on app1 when it died.
    for (const attempt of attempts.filter((entry) => entry.status === 200)) expect(attempt.verdict).toBe("passed");
    const failed = attempts.filter((attempt) => attempt.status !== 200);
    expect(failed.length).toBeLessThanOrEqual(cookies.length);
    for (const attempt of failed) expect([0, 502, 503, 504]).toContain(attempt.status);
    await expectExactlyOneVerdictPerAcceptedSubmission(attempts);
  });
});

describe("a judge worker killed in the middle of a load run", () => {
  it("leaves its job to the other worker while the learner waits: every accepted submission gets exactly one verdict", async () => {
    const hub = attemptHub();
    const cookies = await Promise.all(Array.from({ length: 4 }, () => newLearner(cluster.url)));
    const stream = submissionStream(cluster.url, cookies, hub.emit);
    const db = new pg.Client({ connectionString: cluster.databaseUrl });
    await db.connect();
    let killedJob: { id: string; marker: string } | undefined;
    try {
      await attemptsAnswered(hub.subscribe, 8, (attempt) => attempt.status === 200);
      // Mid-run for real: the kill comes while PostgreSQL shows worker1 holding a running job.
      // Frozen (SIGSTOP) first, so it cannot finish the job between the look and the kill.
      const pid = cluster.supervisor.pid("worker1");
      const runningJob = async () => {
        const { rows } = await db.query<{ id: string; marker: string }>(
          String.raw`SELECT j."id", substring(j."code" from '// load ([0-9a-f-]{36})') AS marker FROM "JudgeJob" j JOIN "JudgeWorker" w ON j."workerId" = ANY(w."slotIds")
           WHERE w."pid" = $1 AND j."status" = 'running' AND j."code" ~ '// load [0-9a-f-]{36}' LIMIT 1`,
          [pid],
        );
        return rows[0];
      };
      await until(
        "worker1 is frozen holding a running job",
        async () => {
          if (!(await runningJob())) return false;
          cluster.supervisor.pause("worker1", true);
          killedJob = await runningJob();
          if (!killedJob) cluster.supervisor.pause("worker1", false); // it had just finished: look again
          return killedJob !== undefined;
        },
        60_000,
        20,
      );
      const exit = await cluster.supervisor.kill("worker1", "SIGKILL");
      expect(exit.signal).toBe("SIGKILL");
      // The learner whose job it was still gets its verdict, from worker2, once worker1's lease runs out.
      const marker = killedJob!.marker;
      const answered = stream.attempts.find((attempt) => attempt.marker === marker);
      if (!answered) await attemptsAnswered(hub.subscribe, 1, (attempt) => attempt.marker === marker);
      expect(stream.attempts.find((attempt) => attempt.marker === marker)).toMatchObject({ status: 200, verdict: "passed" });
      await attemptsAnswered(hub.subscribe, 8, (attempt) => attempt.status === 200);
    } finally {
      await stream.stop();
    }
    const { rows } = await db.query<{ status: string; attempts: number }>(`SELECT "status"::text AS status, "attempts" FROM "JudgeJob" WHERE "id" = $1`, [killedJob!.id]);
    await db.end();
    // Started twice: once on the killed worker, once on the survivor; judged once.
    expect(rows[0]).toEqual({ status: "done", attempts: 2 });
    const attempts = stream.attempts;
    // Nothing the app accepted was refused or lost because a worker died.
    expect(attempts.filter((attempt) => attempt.status !== 200)).toEqual([]);
    for (const attempt of attempts) expect(attempt.verdict).toBe("passed");
    await expectExactlyOneVerdictPerAcceptedSubmission(attempts);
    cluster.supervisor.restart("worker1");
  });
});
