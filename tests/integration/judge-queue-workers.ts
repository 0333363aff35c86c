// Real judge worker processes (scripts/judge-worker.ts) for the queue's integration tests:
// their JSON log lines are the events the tests wait on.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

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
