// npm run bench:judge [-- --runs 100] [-- --only rate-limiting/limiters]
// Stages only (no service, no native round): node --no-node-snapshot --import tsx scripts/bench-judge.ts --stages --runs 30 [--only a/b,c/d]
// For each benchmarked challenge: its hidden suite with the reference solution through
// the judge service (HTTP on loopback, a fresh isolate per run) at concurrency 1, and
// the same tests natively in this process without a sandbox; the judge/native ratio of
// the medians and their geometric mean. Then rate-limiting at concurrency 2 (runs/s),
// and the median wall-clock and CPU time of each stage of a run, measured in a child
// process that calls judge() directly (isolated-vm needs --no-node-snapshot on Node 20).
// Prints the machine's load average too: on a shared machine, wall time waits for a core.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import * as esbuild from "esbuild";
import { processTreeCpuMs } from "../lib/cluster/cpu";
import { loadChallenge, toJudgeSuite, type Challenge } from "../lib/content/challenges";
import { freePort } from "../lib/db-tooling/embedded-postgres";
import type { HarnessEvent } from "../lib/judge/harness/runner";

const BENCHMARKED = [
  "rate-limiting/limiters",
  "consensus/raft-election",
  "connection-pool/pool",
  "bloom-filter/sized-filter",
  "indexing/b-plus-tree",
] as const;
const THROUGHPUT_CHALLENGE = "rate-limiting/limiters";
const TARGET_RATIO = 5;
const TARGET_RUNS_PER_SECOND = 40;

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}
const runs = Number(argument("--runs") ?? 100);
const only = argument("--only");

function challengeById(id: string): Challenge {
  const challenge = loadChallenge(id);
  if (!challenge) throw new Error(`${id} is missing`);
  return challenge;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** cpuMs: CPU time per run (all threads of the process that ran it), robust to a loaded machine. */
function summarize(label: string, latencies: number[], wallMs: number, cpuMs: number) {
  const row = {
    label,
    runs: latencies.length,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    perSecond: (latencies.length / wallMs) * 1000,
    cpuPerRun: cpuMs / latencies.length,
  };
  process.stdout.write(
    `${label.padEnd(44)} runs ${String(row.runs).padStart(4)}  p50 ${row.p50.toFixed(1).padStart(6)} ms  p95 ${row.p95.toFixed(1).padStart(6)} ms  ` +
      `${row.perSecond.toFixed(1).padStart(6)} runs/s  cpu ${row.cpuPerRun.toFixed(1).padStart(6)} ms/run\n`,
  );
  return row;
}


const load = () => os.loadavg().map((value) => value.toFixed(1)).join(" ");

// --- stage breakdown (child process) -------------------------------------------------
if (process.argv.includes("--stages")) {
  const { judge } = await import("../lib/judge");
  const { SANDBOX_STAGES } = await import("../lib/judge/stages");
  const ids = only ? only.split(",") : [...BENCHMARKED];
  // One column per challenge: the suites differ by 20x, so a median over all of them says little.
  const columns: Array<{ id: string; wall: Map<string, number[]>; cpu: Map<string, number[]>; total: number[]; totalCpu: number[]; timeouts: number }> = [];
  for (const id of ids) {
    const challenge = challengeById(id);
    const suite = toJudgeSuite(challenge);
    const column = { id, wall: new Map<string, number[]>(), cpu: new Map<string, number[]>(), total: [] as number[], totalCpu: [] as number[], timeouts: 0 };
    columns.push(column);
    for (let i = 0; i < runs + 5; i++) {
      const stageWall = new Map<string, number>();
      const stageCpu = new Map<string, number>();
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      const verdict = await judge(suite, challenge.solution, "submit", undefined, {
        onStage: (stage, wallMs, cpuMs) => {
          stageWall.set(stage, (stageWall.get(stage) ?? 0) + wallMs);
          stageCpu.set(stage, (stageCpu.get(stage) ?? 0) + cpuMs);
        },
      });
      if (verdict.verdict === "timeout") {
        // The reference itself over the judge's limits: a loaded machine (bloom-filter's suite
        // is near them). Counted and left out of the medians, rather than ending the bench.
        column.timeouts++;
        continue;
      }
      if (verdict.verdict !== "passed") throw new Error(`${id}: expected a pass, got ${verdict.verdict}`);
      if (i < 5) continue; // warm-up
      const spent = process.cpuUsage(cpuStarted);
      column.total.push(performance.now() - started);
      column.totalCpu.push((spent.user + spent.system) / 1000);
      for (const [stage, value] of stageWall) column.wall.set(stage, [...(column.wall.get(stage) ?? []), value]);
      for (const [stage, value] of stageCpu) column.cpu.set(stage, [...(column.cpu.get(stage) ?? []), value]);
    }
  }
  const cell = (values: number[] | undefined) => (values ? quantile(values, 0.5).toFixed(2) : "-").padStart(9);
  process.stdout.write(
    `\nstages of one submit, in process, concurrency 1 (${runs} runs each; medians, ms; the CPU of a stage counts every thread, ` +
      `so it includes the next run's spare isolate being prepared meanwhile)\n`,
  );
  process.stdout.write(`${"stage".padEnd(18)}${columns.map(({ id }) => ` | ${id.split("/")[0]!.slice(0, 19).padStart(19)}`).join("")}\n`);
  process.stdout.write(`${"".padEnd(18)}${columns.map(() => ` | ${"wall".padStart(9)} ${"cpu".padStart(9)}`).join("")}\n`);
  for (const stage of SANDBOX_STAGES) {
    if (!columns.some((column) => column.wall.has(stage))) continue;
    process.stdout.write(`${stage.padEnd(18)}${columns.map((column) => ` | ${cell(column.wall.get(stage))} ${cell(column.cpu.get(stage))}`).join("")}\n`);
  }
  process.stdout.write(`${"whole judge()".padEnd(18)}${columns.map((column) => ` | ${cell(column.total)} ${cell(column.totalCpu)}`).join("")}\n`);
  for (const column of columns) if (column.timeouts > 0) process.stdout.write(`${column.id}: ${column.timeouts} run(s) of the reference timed out (left out above)\n`);
  process.stdout.write(`load average during the stages: ${load()}\n`);
  process.exit(0);
}

// --- native: the same tests in this process, no sandbox, no transpile per run ----------
async function nativeSuite(challenge: Challenge): Promise<string> {
  const dir = challenge.dir;
  const bundle = await esbuild.build({
    stdin: {
      contents: `
        import "./hidden.test.ts";
        import { takeRegisteredTests } from "@blueprint/test";
        import { runTests } from ${JSON.stringify(path.resolve("lib/judge/harness/runner.ts"))};
        export function run(emit) { return runTests(takeRegisteredTests(), emit); }`,
      resolveDir: dir,
      loader: "ts",
    },
    bundle: true,
    write: false,
    format: "iife",
    globalName: "suite",
    platform: "neutral",
    alias: { "@blueprint/test": path.resolve("lib/judge/harness/test-api.ts") },
    plugins: [
      {
        name: "solution-and-support",
        setup(build) {
          build.onResolve({ filter: /^\.\/(solution|support)$/ }, (args) => ({
            path: args.path === "./solution" ? path.join(dir, "solution.ts") : path.resolve("lib/judge/harness/support.ts"),
          }));
        },
      },
    ],
  });
  return `${bundle.outputFiles[0]!.text}\nreturn suite;`;
}

async function nativeRound(challenge: Challenge) {
  const code = await nativeSuite(challenge);
  const latencies: number[] = [];
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const runStarted = performance.now();
    // A fresh module instance per run, as the sandbox gets, but no isolate and no transpile.
    const suite = new Function(code)() as { run(emit: (event: HarnessEvent) => void): Promise<void> };
    let failed = 0;
    await suite.run((event) => {
      if (event.type === "result" && event.status === "failed") failed++;
    });
    if (failed > 0) throw new Error(`the reference solution of ${challenge.id} failed natively`);
    latencies.push(performance.now() - runStarted);
  }
  const cpu = process.cpuUsage(cpuStarted);
  return summarize(`${challenge.id}: native, no sandbox`, latencies, performance.now() - started, (cpu.user + cpu.system) / 1000);
}

// --- the judge service -----------------------------------------------------------------
const port = await freePort();
const secret = randomBytes(24).toString("hex");
const service = spawn(process.execPath, ["--no-node-snapshot", "--import", "tsx", "scripts/judge-server.ts"], {
  env: { ...process.env, JUDGE_PORT: String(port), JUDGE_SECRET: secret },
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise<void>((resolve, reject) => {
  service.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve());
  service.once("exit", (code) => reject(new Error(`judge service exited (${code})`)));
});
service.on("exit", (code, signal) => process.stderr.write(`judge service exited (code ${code}, signal ${signal})\n`));

async function judgeOnce(challenge: Challenge): Promise<number> {
  const started = performance.now();
  const send = () =>
    fetch(`http://127.0.0.1:${port}/judge`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-judge-secret": secret },
      body: JSON.stringify({ challengeId: challenge.id, mode: "submit", code: challenge.solution }),
    });
  // After a long native round the pooled connection has outlived the server's 5 s
  // keep-alive and is closed as it is reused: the request never reached the judge, so send it again.
  const response = await send().catch((error: unknown) => {
    if ((error as { cause?: { code?: string } }).cause?.code === "UND_ERR_SOCKET") return send();
    throw error;
  });
  const verdict = (await response.json()) as { verdict: string };
  if (verdict.verdict === "timeout") {
    process.stderr.write(`${challenge.id}: the reference timed out in the service (a loaded machine?), counted in its latencies\n`);
  } else if (verdict.verdict !== "passed") throw new Error(`${challenge.id}: expected a pass, got ${verdict.verdict}`);
  return performance.now() - started;
}

async function serviceRound(challenge: Challenge, concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  for (let i = 0; i < 5; i++) await judgeOnce(challenge); // warm up this challenge's caches
  const started = performance.now();
  const cpuStarted = processTreeCpuMs(service.pid!);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < runs) {
        next++;
        latencies.push(await judgeOnce(challenge));
      }
    }),
  );
  return summarize(`${challenge.id}: judge, concurrency ${concurrency}`, latencies, performance.now() - started, processTreeCpuMs(service.pid!) - cpuStarted);
}

process.stdout.write(`node ${process.version}, ${os.availableParallelism()} cores, load average ${load()}\n\n`);
const ids = only ? [only] : [...BENCHMARKED];
const ratios: Array<{ id: string; ratio: number; cpuRatio: number }> = [];
for (const id of ids) {
  const challenge = challengeById(id);
  const judged = await serviceRound(challenge, 1);
  const native = await nativeRound(challenge);
  ratios.push({ id, ratio: judged.p50 / native.p50, cpuRatio: judged.cpuPerRun / native.cpuPerRun });
}
const throughputChallenge = challengeById(only ?? THROUGHPUT_CHALLENGE);
const two = await serviceRound(throughputChallenge, 2);
service.kill("SIGTERM");

const geometric = (values: number[]) => Math.exp(values.reduce((sum, value) => sum + Math.log(value), 0) / values.length);
const geometricMean = geometric(ratios.map(({ ratio }) => ratio));
const cpuGeometricMean = geometric(ratios.map(({ cpuRatio }) => cpuRatio));
process.stdout.write(`\njudge/native at concurrency 1 (target <= ${TARGET_RATIO}x at p50), and CPU per run judge/native:\n`);
for (const { id, ratio, cpuRatio } of ratios) {
  process.stdout.write(
    `  ${id.padEnd(30)} p50 ${ratio.toFixed(1).padStart(5)}x (geometric mean ${geometricMean.toFixed(1)}x)   cpu ${cpuRatio.toFixed(1).padStart(5)}x (geometric mean ${cpuGeometricMean.toFixed(1)}x)\n`,
  );
}
process.stdout.write(
  `  ${"geometric mean".padEnd(30)} p50 ${geometricMean.toFixed(1).padStart(5)}x -> ${geometricMean <= TARGET_RATIO ? "met" : "not met"}; ` +
    `worst ${Math.max(...ratios.map(({ ratio }) => ratio)).toFixed(1)}x; cpu ${cpuGeometricMean.toFixed(1)}x\n` +
    `${throughputChallenge.id} at concurrency 2: ${two.perSecond.toFixed(1)} runs/s (target >= ${TARGET_RUNS_PER_SECOND}) -> ` +
    `${two.perSecond >= TARGET_RUNS_PER_SECOND ? "met" : "not met"}\n` +
    `load average after the service rounds: ${load()}\n`,
);

const stages = spawnSync(
  process.execPath,
  ["--no-node-snapshot", "--import", "tsx", "scripts/bench-judge.ts", "--stages", "--runs", String(Math.max(10, Math.round(runs / 2))), ...(only ? ["--only", only] : [])],
  { stdio: "inherit" },
);
process.exit(stages.status ?? 1);
