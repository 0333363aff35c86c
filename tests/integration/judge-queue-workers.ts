// Real judge worker processes (scripts/judge-worker.ts) for the queue's integration tests:
// their JSON log lines are the events the tests wait on.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { createDatabase, useAppEnv } from "./database";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface WorkerProcess {
  proc: ChildProcess;
  /** Every JSON line it printed, in order. */
  lines: Array<Record<string, unknown>>;
  ready: Promise<Record<string, unknown>>;
  /** Resolves with the first line (already printed or to come) that matches. */
  line(match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startWorker(databaseUrl: string, env: Record<string, string> = {}): WorkerProcess {
  const proc = spawn(process.execPath, ["--no-node-snapshot", "--import", "tsx", path.join(ROOT, "scripts/judge-worker.ts")], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "test", DATABASE_URL: databaseUrl, JUDGE_CONCURRENCY: "1", JUDGE_LEASE_MS: "1500", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: Array<Record<string, unknown>> = [];
  const watchers: Array<{ match: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void }> = [];
  createInterface({ input: proc.stdout! }).on("line", (text) => {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return;
    }
    lines.push(parsed);
    for (const watcher of [...watchers]) {
      if (watcher.match(parsed)) {
        watchers.splice(watchers.indexOf(watcher), 1);
        watcher.resolve(parsed);
      }
    }
  });
  let stderr = "";
  proc.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on("exit", (code, signal) => resolve({ code, signal })));
  const line = (match: (line: Record<string, unknown>) => boolean) => {
    const seen = lines.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      watchers.push({ match, resolve });
      void exited.then(({ code, signal }) => reject(new Error(`judge worker exited (${signal ?? code}) before the line awaited:\n${stderr}`)));
    });
  };
  return { proc, lines, line, exited, ready: line((l) => l.msg === "judge worker ready") };
}

export interface QueueTestBed {
  /** The file's own migrated database (set before the file's own beforeAll runs). */
  url: string;
  /** A plain client on it, for reading and arranging rows. */
  admin: pg.Client;
  /** Every worker `worker()` started, in order; all SIGKILLed after the file. */
  workers: WorkerProcess[];
  worker(env?: Record<string, string>): WorkerProcess;
}

/**
 * What each queue test file needs around its tests: a database of its own with the app's
 * env pointed at it (a judge rate no test reaches, a 1.5 s lease), an admin client, and
 * the worker processes it starts, all stopped and closed after the file.
 */
export function queueTestBed(): QueueTestBed {
  const bed: QueueTestBed = {
    url: "",
    admin: undefined as unknown as pg.Client,
    workers: [],
    worker(env) {
      const started = startWorker(bed.url, env);
      bed.workers.push(started);
      return started;
    },
  };
  beforeAll(async () => {
    bed.url = await createDatabase({ migrated: true });
    useAppEnv(bed.url);
    process.env.BLUEPRINT_JUDGE_RATE_PER_MINUTE = "1000";
    process.env.JUDGE_LEASE_MS = "1500";
    bed.admin = new pg.Client({ connectionString: bed.url });
    await bed.admin.connect();
  });
  afterAll(async () => {
    await Promise.all(bed.workers.map((worker) => stopWorker(worker, "SIGKILL")));
    await bed.admin?.end();
    const { closeQueuePools } = await import("../../lib/judge-queue/connection");
    await closeQueuePools();
  });
  return bed;
}

export async function stopWorker(worker: WorkerProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (worker.proc.exitCode !== null || worker.proc.signalCode !== null) return;
  worker.proc.kill(signal);
  await worker.exited;
}

/**
 * A judge worker inside the test process (the queue's real code, lib/judge in-process instead of
 * the child pool) for route-level tests that need verdicts but not worker processes. `judge`
 * replaces the judging: a forged reply, or one that never comes.
 */
export async function startInProcessWorker(
  databaseUrl: string,
  options: { judge?: (job: import("../../lib/judge-queue/worker").ClaimedJob) => Promise<import("../../lib/judge/verdict").Verdict> } = {},
): Promise<{ stop(): Promise<void> }> {
  const { startJudgeWorker } = await import("../../lib/judge-queue/worker");
  const { migrateQueue } = await import("../../lib/judge-queue/schema");
  const { judge } = await import("../../lib/judge");
  const { loadChallenge, toJudgeSuite } = await import("../../lib/content/challenges");
  await migrateQueue(databaseUrl);
  return startJudgeWorker({
    databaseUrl,
    concurrency: 2,
    leaseMs: 5000,
    judge:
      options.judge ??
      (async (job) => {
        const challenge = loadChallenge(job.challengeId);
        if (!challenge) throw new Error(`unknown challenge ${job.challengeId}`);
        return judge(toJudgeSuite(challenge), job.code, job.mode);
      }),
    isCrash: () => false,
    crashedTwice: () => {
      throw new Error("no crashes in process");
    },
  });
}
