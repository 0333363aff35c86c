// What running the judge in child processes costs (decision 020): judge() in this process
// against the same job through lib/judge/pool.ts, for rate-limiting's reference solution.
//   node --no-node-snapshot --import tsx scripts/bench-judge-pool.ts [--runs 40] [--mode submit|run]
// Prints, at concurrency 1 and 2: p50 and p95 wall time per run, runs/s, and CPU per run
// (this process's CPU for in-process; for the pool, this process's plus the children's
// whole CPU from /proc/<pid>/stat, spare isolates and IPC included), and the ratios. Wall times wait for a core on a busy machine;
// the CPU figures are the firmer ones.
import { readFileSync } from "node:fs";
import os from "node:os";
import { loadChallenge, toJudgeSuite } from "../lib/content/challenges";
import { judge, type JudgeMode, type Verdict } from "../lib/judge";
import { createJudgePool } from "../lib/judge/pool";

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}
const runs = Number(option("runs", "40"));
const mode = option("mode", "submit") as JudgeMode;
if (!Number.isInteger(runs) || runs < 4) throw new Error("--runs must be a whole number of at least 4");
if (mode !== "run" && mode !== "submit") throw new Error("--mode must be run or submit");

const challenge = loadChallenge("rate-limiting/limiters");
if (!challenge) throw new Error("the rate-limiting challenge is missing");
const suite = toJudgeSuite(challenge);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? Number.NaN;
};
const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const spent = process.cpuUsage(start);
  return (spent.user + spent.system) / 1000;
};

interface Result {
  p50: number;
  p95: number;
  perSecond: number;
  cpuPerRun: number;
}

/** `runs` jobs, `concurrency` at a time; `extraCpuMs` reports CPU spent outside this process. */
async function measure(once: () => Promise<Verdict>, concurrency: number, extraCpuMs: () => number): Promise<Result> {
  for (let i = 0; i < 4; i++) await Promise.all(Array.from({ length: concurrency }, once)); // warm: compile caches, spares, JIT
  const walls: number[] = [];
  const cpuStart = process.cpuUsage();
  const extraStart = extraCpuMs();
  const started = performance.now();
  let left = runs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) {
        const t = performance.now();
        const verdict = await once();
        walls.push(performance.now() - t);
        if (verdict.verdict !== "passed") throw new Error(`the reference solution got ${verdict.verdict}`);
      }
    }),
  );
  const elapsed = performance.now() - started;
  const cpu = cpuMsSince(cpuStart) + (extraCpuMs() - extraStart);
  return { p50: percentile(walls, 0.5), p95: percentile(walls, 0.95), perSecond: (walls.length / elapsed) * 1000, cpuPerRun: cpu / walls.length };
}

/** A process's user + system CPU so far, ms (Linux: fields 14 and 15 of /proc/<pid>/stat, in 1/100 s). */
function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const rows: Array<{ concurrency: number; inProcess: Result; pool: Result }> = [];
for (const concurrency of [1, 2]) {
  const inProcess = await measure(() => judge(suite, challenge.solution, mode), concurrency, () => 0);
  const children: number[] = [];
  const pool = createJudgePool({ size: concurrency, onEvent: (event) => event.type === "ready" && children.push(event.pid) });
  await pool.ready();
  const childrenCpuMs = () => children.reduce((sum, pid) => sum + processCpuMs(pid), 0);
  const pooled = await measure(() => pool.run({ challengeId: suite.id, mode, code: challenge.solution }), concurrency, childrenCpuMs);
  await pool.close();
  rows.push({ concurrency, inProcess, pool: pooled });
}

const f = (value: number) => value.toFixed(1);
process.stdout.write(`judge pool overhead: rate-limiting ${mode}, ${runs} runs per row, Node ${process.version}, load average ${os.loadavg().map((load) => load.toFixed(1)).join(" ")}\n`);
process.stdout.write("concurrency | where      | p50 ms | p95 ms | runs/s | CPU ms/run\n");
for (const row of rows) {
  for (const [where, result] of [["in-process", row.inProcess], ["pool", row.pool]] as const) {
    process.stdout.write(`${String(row.concurrency).padEnd(11)} | ${where.padEnd(10)} | ${f(result.p50).padStart(6)} | ${f(result.p95).padStart(6)} | ${f(result.perSecond).padStart(6)} | ${f(result.cpuPerRun).padStart(10)}\n`);
  }
  process.stdout.write(
    `${String(row.concurrency).padEnd(11)} | pool/in    | ${(row.pool.p50 / row.inProcess.p50).toFixed(2).padStart(5)}x | ${(row.pool.p95 / row.inProcess.p95).toFixed(2).padStart(5)}x | ${(row.pool.perSecond / row.inProcess.perSecond).toFixed(2).padStart(5)}x | ${(row.pool.cpuPerRun / row.inProcess.cpuPerRun).toFixed(2).padStart(9)}x\n`,
  );
}
