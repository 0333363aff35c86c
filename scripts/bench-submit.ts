// npm run bench:submit [-- --runs 200 --saturation 4]
// HTTP submit through the whole app and the judge queue against the judge alone. Needs a
// production build (`npm run build`, or BLUEPRINT_DIST_DIR=<folder> for another build folder).
// Starts the stack as `npm start` does (embedded PostgreSQL in a fresh folder, one judge
// worker, Next.js) on BENCH_PORT (4300) and the port after it, plus, for comparison, the judge
// HTTP service (a tool now: the app does not call it) on the second port after it. With the
// rate-limiting reference solution:
//   - concurrency 1: POST /api/challenges/.../submit (learner cookie, draft, token, enqueue,
//     the worker's judging, NOTIFY, submission, attempt) and POST /judge on the judge service
//     directly, in alternating blocks so both see the same machine; the judge's own time is
//     the worker's judgeMs for each submit (its JSON log line). Prints p50/p95 and the gaps;
//   - saturation (`--saturation` clients, default 4, each its own learner): verdicts/s
//     for each, and the ratio.
// Targets: submit p50 within 25 ms of the judge's own time through the queue (issue 16);
// saturation >= 90% of the judge service's.
import { createInterface } from "node:readline";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadChallenge } from "../lib/content/challenges";

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const runs = arg("runs", 200);
const saturation = arg("saturation", 4);
const port = Number(process.env.BENCH_PORT ?? 4300);
const challenge = loadChallenge("rate-limiting/limiters");
if (!challenge) throw new Error("rate-limiting/limiters is missing");
const [concept, slug] = challenge.id.split("/") as [string, string];

const app = `http://127.0.0.1:${port}`;
const judge = `http://127.0.0.1:${port + 2}`;
const tsxNode = [process.execPath, "--no-node-snapshot", "--import", "tsx"] as const;
const secrets = {
  SESSION_SECRET: randomBytes(32).toString("hex"),
  JUDGE_SECRET: randomBytes(32).toString("hex"),
  BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
};
const dataDir = mkdtempSync(path.join(os.tmpdir(), "blueprint-bench-"));
chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as its own user

const stack = spawn(process.execPath, ["--import", "tsx", "scripts/start-stack.ts", "start"], {
  env: {
    ...process.env,
    ...secrets,
    PORT: String(port),
    BLUEPRINT_DATA_DIR: dataDir,
    BLUEPRINT_PG_PORT: String(port + 1),
    // The benchmark measures the pipeline, not the per-learner limits.
    BLUEPRINT_JUDGE_RATE_PER_MINUTE: "10000",
    BLUEPRINT_WRITE_RATE_PER_MINUTE: "100000",
    BLUEPRINT_ANONYMOUS_LEARNERS_PER_HOUR: "1000000",
  },
  stdio: ["ignore", "pipe", "inherit"],
  detached: true,
});
/** The worker's own time (judgeMs) and queue wait of each judged job, while `collecting`. */
const worker = { collecting: false, judgeMs: [] as number[], queueWaitMs: [] as number[] };
createInterface({ input: stack.stdout! }).on("line", (line) => {
  if (!worker.collecting || !line.startsWith("{")) return;
  try {
    const fields = JSON.parse(line) as { msg?: string; judgeMs?: number; queueWaitMs?: number; mode?: string };
    if (fields.msg !== "judge job" || fields.mode !== "submit") return;
    worker.judgeMs.push(fields.judgeMs ?? Number.NaN);
    worker.queueWaitMs.push(fields.queueWaitMs ?? Number.NaN);
  } catch {
    // Not a log line of ours.
  }
});
// The judge HTTP service, for comparison only: a process of its own with its port and secret.
const service = spawn(tsxNode[0], [...tsxNode.slice(1), "scripts/judge-server.ts"], {
  env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production", JUDGE_PORT: String(port + 2), JUDGE_SECRET: secrets.JUDGE_SECRET },
  stdio: ["ignore", "ignore", "inherit"],
});

async function stop() {
  if (service.exitCode === null) service.kill("SIGTERM");
  if (stack.exitCode === null && stack.pid) {
    const exited = new Promise((resolve) => stack.once("exit", resolve));
    process.kill(stack.pid, "SIGTERM");
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
}

async function waitForHealth() {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (stack.exitCode !== null) throw new Error(`the stack exited (${stack.exitCode}); is there a production build?`);
    const ok = await fetch(`${app}/api/health`).then((response) => response.ok, () => false);
    const judgeOk = await fetch(`${judge}/health`).then((response) => response.ok, () => false);
    if (ok && judgeOk) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the app did not become healthy in 150 s");
}

const body = JSON.stringify({ code: challenge.solution });

/** A learner of its own: the cookie the first write sets. */
async function newLearner(): Promise<string> {
  const response = await fetch(`${app}/api/drafts/${concept}/${slug}`, { method: "PUT", headers: { "content-type": "application/json" }, body });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!response.ok || !cookie) throw new Error(`could not create a learner: ${response.status}`);
  return cookie;
}

type Client = () => Promise<boolean>;

/** The app's Server-Timing parts of each submit: route (the whole handler), db, judge (enqueue to verdict). */
const parts: Record<"route" | "db" | "judge", number[]> = { route: [], db: [], judge: [] };

function submitClient(cookie: string, keepTiming = false): Client {
  return async () => {
    const response = await fetch(`${app}/api/challenges/${concept}/${slug}/submit`, { method: "POST", headers: { "content-type": "application/json", cookie }, body });
    const verdict = (await response.json()) as { verdict?: string; error?: string };
    if (response.status === 503) return false;
    if (verdict.verdict !== "passed") throw new Error(`submit: expected a pass, got ${response.status} ${verdict.verdict ?? verdict.error}`);
    if (keepTiming) {
      for (const match of (response.headers.get("server-timing") ?? "").matchAll(/(route|db|judge);dur=([\d.]+)/g)) {
        parts[match[1] as keyof typeof parts].push(Number(match[2]));
      }
    }
    return true;
  };
}

const judgeClient: Client = async () => {
  const response = await fetch(`${judge}/judge`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-judge-secret": secrets.JUDGE_SECRET },
    body: JSON.stringify({ challengeId: challenge.id, mode: "submit", code: challenge.solution }),
  });
  const verdict = (await response.json()) as { verdict?: string };
  if (response.status === 503) return false;
  if (verdict.verdict !== "passed") throw new Error(`judge: expected a pass, got ${response.status} ${verdict.verdict}`);
  return true;
};

/** `count` requests spread over the clients, each client one at a time; latencies of verdicts only. */
async function round(clients: Client[], count: number): Promise<{ latencies: number[]; verdicts: number; busy: number; wallMs: number }> {
  const latencies: number[] = [];
  let started = 0;
  let busy = 0;
  const begin = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      while (started < count) {
        started++;
        const at = performance.now();
        if (await client()) latencies.push(performance.now() - at);
        else busy++;
      }
    }),
  );
  return { latencies, verdicts: latencies.length, busy, wallMs: performance.now() - begin };
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};
const ms = (value: number) => `${value.toFixed(1).padStart(6)} ms`;

try {
  await waitForHealth();
  const cookies = await Promise.all(Array.from({ length: Math.max(1, saturation) }, newLearner));
  const submitOne = submitClient(cookies[0]!, true);
  // Warm up both paths (JIT, connection pools, the judge's esbuild).
  await round([submitOne], 20);
  await round([judgeClient], 20);

  // Concurrency 1, alternating blocks so both see the same machine state.
  const block = 25;
  const submitLatencies: number[] = [];
  const judgeLatencies: number[] = [];
  for (const list of Object.values(parts)) list.length = 0; // not the warm-up's
  for (let done = 0; done < runs; done += block) {
    judgeLatencies.push(...(await round([judgeClient], block)).latencies);
    worker.collecting = true;
    submitLatencies.push(...(await round([submitOne], block)).latencies);
    worker.collecting = false;
  }
  const submitP50 = quantile(submitLatencies, 0.5);
  const judgeP50 = quantile(judgeLatencies, 0.5);
  const ownP50 = quantile(worker.judgeMs, 0.5);
  process.stdout.write(`concurrency 1 (${runs} each; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.availableParallelism()} cores)\n`);
  process.stdout.write(`  judge's own time (worker)  p50 ${ms(ownP50)}  p95 ${ms(quantile(worker.judgeMs, 0.95))}  (${worker.judgeMs.length} jobs; queue wait p50 ${ms(quantile(worker.queueWaitMs, 0.5))})\n`);
  process.stdout.write(`  judge service alone        p50 ${ms(judgeP50)}  p95 ${ms(quantile(judgeLatencies, 0.95))}\n`);
  process.stdout.write(`  HTTP submit (queue)        p50 ${ms(submitP50)}  p95 ${ms(quantile(submitLatencies, 0.95))}\n`);
  process.stdout.write(`  submit - judge's own time  p50 ${ms(submitP50 - ownP50)}  (target <= 25 ms)\n`);
  process.stdout.write(`  submit - judge service     p50 ${ms(submitP50 - judgeP50)}  (issue 13's 15 ms was for the direct service)\n`);
  const route = quantile(parts.route, 0.5);
  const db = quantile(parts.db, 0.5);
  const judgeCall = quantile(parts.judge, 0.5);
  process.stdout.write(`  inside the app (Server-Timing p50): route ${ms(route)} = enqueue..verdict ${ms(judgeCall)} + statements ${ms(db)} + parse, learner ${ms(route - judgeCall - db)}\n`);
  process.stdout.write(`  outside the route handler (HTTP, Next.js): ${ms(submitP50 - route)}\n`);

  // Saturation: more clients than cores, each its own learner.
  // Alternating halves, so a change in the machine's load falls on both.
  const judgeSat = { latencies: [] as number[], verdicts: 0, busy: 0, wallMs: 0 };
  const submitSat = { latencies: [] as number[], verdicts: 0, busy: 0, wallMs: 0 };
  const add = (into: typeof judgeSat, from: typeof judgeSat) => {
    into.latencies.push(...from.latencies);
    into.verdicts += from.verdicts;
    into.busy += from.busy;
    into.wallMs += from.wallMs;
  };
  for (let half = 0; half < 2; half++) {
    add(judgeSat, await round(Array.from({ length: saturation }, () => judgeClient), runs / 2));
    add(submitSat, await round(cookies.map((cookie) => submitClient(cookie)), runs / 2));
  }
  const perSecond = (r: { verdicts: number; wallMs: number }) => (r.verdicts / r.wallMs) * 1000;
  process.stdout.write(`saturation (${saturation} clients, ${runs} requests each way)\n`);
  process.stdout.write(`  judge service   ${perSecond(judgeSat).toFixed(1).padStart(6)} verdicts/s  p50 ${ms(quantile(judgeSat.latencies, 0.5))}  busy ${judgeSat.busy}\n`);
  process.stdout.write(`  HTTP submit     ${perSecond(submitSat).toFixed(1).padStart(6)} verdicts/s  p50 ${ms(quantile(submitSat.latencies, 0.5))}  busy ${submitSat.busy}\n`);
  process.stdout.write(`  submit / judge  ${((perSecond(submitSat) / perSecond(judgeSat)) * 100).toFixed(0)}%  (target >= 90%)\n`);
} finally {
  await stop();
}
