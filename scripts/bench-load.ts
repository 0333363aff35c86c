// npm run bench:load [-- --target single|cluster|both --learners 20 --rate R --duration 10
//                      --apps 2 --workers 2 --worker-concurrency 1 --no-ratio]
// A classroom under load (issue 16, part 5): `--learners` learners, each its own anonymous
// identity, all from this machine's address, submitting the reference solution of
// rate-limiting/limiters at a steady overall rate for `--duration` seconds per step:
//   - single: the one-machine set-up, as `npm start` runs it (scripts/start-stack.ts), ports 4500+;
//   - cluster: `npm run cluster`'s set-up (lib/cluster), HAProxy on 4400.
// Without --rate, a short step search finds the highest rate that holds p95 < 500 ms with no
// 5xx. Then (cluster) the saturated throughput with 1 judge worker and with 2, and their ratio.
// Needs a production build (npm run build, or BLUEPRINT_DIST_DIR).
//
// The load is open-loop: submission k leaves at start + k/rate whatever the answers so far,
// and its latency counts from then, so a slow server cannot slow the load down and hide its
// queue (coordinated omission). autocannon's own rate limit cannot say this: it sends each
// connection's quota in a burst at every second's start, and its headers (the cookie) are
// one per instance, not one per learner; so the requests go through Node's fetch (undici).
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { processGroupCpuMs } from "../lib/cluster/cpu";
import { CLASSROOM_LIMITS, loadTarget, newLearner, quantile } from "../lib/cluster/load";
import { startCluster, until, type Cluster } from "../lib/cluster/start-cluster";

const { values } = parseArgs({
  options: {
    target: { type: "string", default: "both" },
    learners: { type: "string", default: "20" },
    rate: { type: "string" },
    duration: { type: "string", default: "10" },
    apps: { type: "string", default: "2" },
    workers: { type: "string", default: "2" },
    "worker-concurrency": { type: "string", default: "1" },
    "no-ratio": { type: "boolean", default: false },
  },
});
const number = (name: string, raw: string | undefined, min: number) => {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number of at least ${min} (got "${raw}")`);
  return value;
};
const target = values.target ?? "both";
if (!["single", "cluster", "both"].includes(target)) throw new Error(`--target is single, cluster or both (got "${target}")`);
const learners = Math.round(number("learners", values.learners, 1));
const durationS = number("duration", values.duration, 1);
const fixedRate = values.rate === undefined ? undefined : number("rate", values.rate, 0.1);
const apps = Math.round(number("apps", values.apps, 1));
const workers = Math.round(number("workers", values.workers, 1));
const workerConcurrency = Math.round(number("worker-concurrency", values["worker-concurrency"], 1));
const root = process.cwd();
const distDir = process.env.BLUEPRINT_DIST_DIR ?? ".next";
if (!existsSync(path.join(root, distDir, "BUILD_ID"))) {
  process.stderr.write(`no production build in ${distDir}/: run npm run build first (or set BLUEPRINT_DIST_DIR)\n`);
  process.exit(1);
}

const { challenge, submitPath } = loadTarget();
const body = JSON.stringify({ code: challenge.solution });
const P95_TARGET_MS = 500;
const say = (line: string) => process.stdout.write(`${line}\n`);

interface StepResult {
  rate: number;
  sent: number;
  byStatus: Map<string, number>;
  passed: number;
  latencies: number[];
  wallS: number;
}

/** Submissions at `rate` per second for `seconds`, round robin over the learners; waits for every answer. */
async function step(baseUrl: string, cookies: string[], rate: number, seconds: number): Promise<StepResult> {
  const byStatus = new Map<string, number>();
  const latencies: number[] = [];
  let passed = 0;
  const count = Math.max(1, Math.round(rate * seconds));
  const begin = performance.now();
  const inFlight: Array<Promise<void>> = [];
  for (let k = 0; k < count; k++) {
    const due = begin + (k * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const cookie = cookies[k % cookies.length]!;
    inFlight.push(
      fetch(`${baseUrl}${submitPath}`, { method: "POST", headers: { "content-type": "application/json", cookie }, body, signal: AbortSignal.timeout(60_000) })
        .then(async (response) => {
          const reply = (await response.json().catch(() => ({}))) as { verdict?: string };
          const key = response.status === 200 ? `200 ${reply.verdict ?? "?"}` : String(response.status);
          byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
          if (response.status === 200 && reply.verdict === "passed") {
            passed++;
            latencies.push(performance.now() - due);
          }
        })
        .catch((error: unknown) => {
          const key = `error ${(error as Error).name}`;
          byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
        }),
    );
  }
  await Promise.all(inFlight);
  return { rate, sent: count, byStatus, passed, latencies, wallS: (performance.now() - begin) / 1000 };
}

/** `clients` learners, each sending its next submission as soon as the last is answered, for `seconds`: the throughput ceiling. */
async function saturate(baseUrl: string, cookies: string[], seconds: number): Promise<{ verdictsPerS: number; verdicts: number; refused: number; p50: number }> {
  const latencies: number[] = [];
  let refused = 0;
  const end = performance.now() + seconds * 1000;
  const begin = performance.now();
  await Promise.all(
    cookies.map(async (cookie) => {
      while (performance.now() < end) {
        const at = performance.now();
        const response = await fetch(`${baseUrl}${submitPath}`, { method: "POST", headers: { "content-type": "application/json", cookie }, body }).catch(() => undefined);
        const reply = (await response?.json().catch(() => ({}))) as { verdict?: string } | undefined;
        if (response?.status === 200 && reply?.verdict === "passed") latencies.push(performance.now() - at);
        else refused++;
      }
    }),
  );
  return { verdictsPerS: latencies.length / ((performance.now() - begin) / 1000), verdicts: latencies.length, refused, p50: quantile(latencies, 0.5) };
}

const ms = (value: number) => (Number.isNaN(value) ? "     -" : `${value.toFixed(0).padStart(6)}`);
const holds = (result: StepResult) => {
  const fiveXx = [...result.byStatus].some(([key]) => /^5\d\d/.test(key) || key.startsWith("error"));
  const allPassed = result.passed === result.sent;
  return !fiveXx && allPassed && quantile(result.latencies, 0.95) < P95_TARGET_MS;
};
function printStep(result: StepResult) {
  const statuses = [...result.byStatus].map(([key, n]) => `${key}: ${n}`).join(", ");
  say(
    `  ${result.rate.toFixed(1).padStart(6)}/s  ${(result.passed / result.wallS).toFixed(1).padStart(6)} verdicts/s  p50 ${ms(quantile(result.latencies, 0.5))} ms  p95 ${ms(quantile(result.latencies, 0.95))} ms  p99 ${ms(quantile(result.latencies, 0.99))} ms  ${holds(result) ? "holds" : "FAILS"}  (${statuses})`,
  );
}

/** The step search: up by half again from 4/s until a step fails, then once halfway back. */
async function search(baseUrl: string, cookies: string[]): Promise<number | undefined> {
  if (fixedRate !== undefined) {
    const result = await step(baseUrl, cookies, fixedRate, durationS);
    printStep(result);
    return holds(result) ? fixedRate : undefined;
  }
  let best: number | undefined;
  let rate = 4;
  let failedAt: number | undefined;
  for (let i = 0; i < 8 && failedAt === undefined; i++) {
    const result = await step(baseUrl, cookies, rate, durationS);
    printStep(result);
    if (holds(result)) {
      best = rate;
      rate = Math.round(rate * 1.5);
    } else {
      failedAt = rate;
    }
  }
  if (best !== undefined && failedAt !== undefined && failedAt - best > 2) {
    const middle = Math.round((best + failedAt) / 2);
    const result = await step(baseUrl, cookies, middle, durationS);
    printStep(result);
    if (holds(result)) best = middle;
  }
  return best;
}

async function learnersOf(baseUrl: string): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < learners; i++) cookies.push(await newLearner(baseUrl));
  // Warm up: each server's JIT, connection pools, the judge's compiler.
  await Promise.all(cookies.slice(0, 4).map((cookie) => step(baseUrl, [cookie], 4, 2)));
  return cookies;
}

function scratch(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "blueprint-load-"));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as its own user
  return dir;
}

/** The one-machine set-up, started the way `npm start` starts it. */
async function withSingle<T>(work: (baseUrl: string) => Promise<T>): Promise<T> {
  const dataDir = scratch();
  const port = 4500;
  const stack = spawn(process.execPath, ["--import", "tsx", "scripts/start-stack.ts", "start"], {
    env: { ...process.env, ...CLASSROOM_LIMITS, PORT: String(port), BLUEPRINT_DATA_DIR: dataDir, BLUEPRINT_PG_PORT: String(port + 1), JUDGE_PORT: String(port + 2) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise((resolve) => stack.once("exit", resolve));
  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    await until("the one-machine stack answers /api/health", async () => stack.exitCode === null && (await fetch(`${baseUrl}/api/health`)).ok, 180_000, 250);
    return await work(baseUrl);
  } finally {
    if (stack.exitCode === null) stack.kill("SIGTERM");
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function withCluster<T>(workerCount: number, work: (cluster: Cluster) => Promise<T>): Promise<T> {
  const dataDir = scratch();
  const cluster = await startCluster({ root, dataDir, apps, workers: workerCount, workerConcurrency, frontPort: 4400, appEnv: CLASSROOM_LIMITS, distDir });
  try {
    await cluster.waitUntilReady();
    return await work(cluster);
  } finally {
    await cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

say(`bench:load on ${os.availableParallelism()} cores: ${learners} learners, ${durationS} s per step, p95 target ${P95_TARGET_MS} ms, no 5xx`);
say(`limits raised on the servers this bench starts, for a classroom behind one address: ${Object.entries(CLASSROOM_LIMITS).map(([name, value]) => `${name}=${value}`).join(" ")}`);
say("latency: from each submission's scheduled start to its verdict, accepted (200 passed) submissions only");
const summary: string[] = [];

if (target === "single" || target === "both") {
  say("\nsingle machine (npm start: embedded PostgreSQL, one app, one judge worker)");
  const best = await withSingle(async (baseUrl) => search(baseUrl, await learnersOf(baseUrl)));
  summary.push(`single machine holds ${best === undefined ? "no rate tried" : `${best}/s`}`);
}
if (target === "cluster" || target === "both") {
  say(`\ncluster (${apps} apps behind HAProxy, ${workers} judge workers x ${workerConcurrency})`);
  const best = await withCluster(workers, async (cluster) => {
    return search(cluster.url, await learnersOf(cluster.url));
  });
  summary.push(`cluster holds ${best === undefined ? "no rate tried" : `${best}/s`}`);
  if (!values["no-ratio"]) {
    const clients = Math.max(4, 2 * workerConcurrency * 2);
    say(`\nsaturated throughput (${clients} learners submitting back to back for ${durationS} s), ${apps} apps:`);
    const perWorkers: number[] = [];
    for (const count of [1, 2]) {
      const result = await withCluster(count, async (cluster) => {
        const cookies = (await learnersOf(cluster.url)).slice(0, clients);
        while (cookies.length < clients) cookies.push(await newLearner(cluster.url));
        // CPU per verdict by role: a figure the other processes on the machine do not skew.
        const roles = { apps: cluster.appNames, workers: cluster.workerNames, haproxy: ["haproxy"] };
        const cpu = () => Object.fromEntries(Object.entries(roles).map(([role, names]) => [role, names.reduce((sum, name) => sum + processGroupCpuMs(cluster.supervisor.pid(name) ?? -1), 0)]));
        const before = cpu();
        const result = await saturate(cluster.url, cookies, durationS);
        const after = cpu();
        const perVerdict = Object.keys(roles).map((role) => `${role} ${((after[role]! - before[role]!) / Math.max(1, result.verdicts)).toFixed(1)}`);
        return { ...result, cpu: `CPU ms per verdict: ${perVerdict.join(", ")} (PostgreSQL not counted)` };
      });
      perWorkers.push(result.verdictsPerS);
      say(`  ${count} worker${count > 1 ? "s" : " "} x ${workerConcurrency}: ${result.verdictsPerS.toFixed(1).padStart(6)} verdicts/s  p50 ${ms(result.p50)} ms  refused or failed ${result.refused}; ${result.cpu}`);
    }
    const ratio = perWorkers[1]! / perWorkers[0]!;
    say(`  2 workers / 1 worker: ${ratio.toFixed(2)}`);
    summary.push(`2 workers / 1 worker = ${ratio.toFixed(2)} (2 cores shared by the judges, ${apps} app servers, PostgreSQL and HAProxy: it cannot reach 2)`);
  }
}
say(`\n${summary.join("; ")}`);
