import { seededRandom } from "@/lib/random/seeded-random";
// Pure logic for the connection pool model: a seeded workload against a pool of a chosen
// size, in front of a database with a few cores that slows down when overloaded.

export const CORES = 4; // the database runs this many queries at full speed
export const WORK_MS = 20; // CPU time one query needs
export const CONTENTION = 0.04; // lost efficiency per active query beyond CORES
export const ACQUIRE_TIMEOUT_MS = 250;
export const RUN_MS = 10_000;
export const MAX_POOL = 20;

export interface Load {
  label: string;
  perSecond: number;
}

export const LOADS: Load[] = [
  { label: "light (80 queries/s)", perSecond: 80 },
  { label: "busy (150 queries/s)", perSecond: 150 },
  { label: "peak (190 queries/s)", perSecond: 190 },
];

export interface PoolRun {
  poolSize: number;
  arrived: number;
  completed: number;
  timedOut: number;
  throughput: number; // completed per second
  meanWaitMs: number; // time queued, for completed queries
  p95LatencyMs: number; // queue wait + query time, for completed queries
  meanBusy: number; // average borrowed connections
}


/** Arrival times (integer ms) of a Poisson stream, the same for every pool size. */
export function arrivals(perSecond: number, seed = 42): number[] {
  const random = seededRandom(seed);
  const out: number[] = [];
  let t = 0;
  for (;;) {
    t += -Math.log(1 - random()) * (1000 / perSecond);
    if (t >= RUN_MS) return out;
    out.push(Math.floor(t));
  }
}

/** How much query work the database gets done per ms with `active` queries running. */
export function databaseRate(active: number): number {
  if (active <= 0) return 0;
  return Math.min(active, CORES) / (1 + CONTENTION * Math.max(0, active - CORES));
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

/** Runs the workload for RUN_MS with one pool size, 1 ms per step. */
export function runPool(poolSize: number, arrivalTimes: number[]): PoolRun {
  const queue: number[] = []; // arrival times of waiters, oldest first
  const active: Array<{ arrived: number; remaining: number }> = [];
  const latencies: number[] = [];
  let waitSum = 0;
  let timedOut = 0;
  let busySum = 0;
  let next = 0;
  for (let t = 0; t < RUN_MS; t++) {
    while (next < arrivalTimes.length && (arrivalTimes[next] ?? Infinity) <= t) queue.push(arrivalTimes[next++] ?? t);
    while (queue.length > 0 && t - (queue[0] ?? t) >= ACQUIRE_TIMEOUT_MS) {
      queue.shift();
      timedOut++;
    }
    while (queue.length > 0 && active.length < poolSize) {
      const arrived = queue.shift() ?? t;
      waitSum += t - arrived;
      active.push({ arrived, remaining: WORK_MS });
    }
    busySum += active.length;
    const share = databaseRate(active.length) / Math.max(1, active.length);
    for (let i = active.length - 1; i >= 0; i--) {
      const query = active[i];
      if (!query) continue;
      query.remaining -= share;
      if (query.remaining <= 1e-9) {
        latencies.push(t + 1 - query.arrived);
        active.splice(i, 1);
      }
    }
  }
  latencies.sort((a, b) => a - b);
  const completed = latencies.length;
  return {
    poolSize,
    arrived: arrivalTimes.length,
    completed,
    timedOut,
    throughput: completed / (RUN_MS / 1000),
    meanWaitMs: completed === 0 ? 0 : waitSum / Math.max(1, completed),
    p95LatencyMs: percentile(latencies, 0.95),
    meanBusy: busySum / RUN_MS,
  };
}

/** Every pool size from 1 to MAX_POOL under one load. */
export function sweep(perSecond: number): PoolRun[] {
  const times = arrivals(perSecond);
  return Array.from({ length: MAX_POOL }, (_, i) => runPool(i + 1, times));
}

export function describe(run: PoolRun, load: Load, best: PoolRun): string {
  const timeouts = run.timedOut === 0 ? "no request timed out" : `${run.timedOut} of ${run.arrived} requests timed out after waiting ${ACQUIRE_TIMEOUT_MS} ms`;
  return (
    `Pool of ${run.poolSize} under ${load.label}: ${run.throughput.toFixed(0)} queries per second completed, ` +
    `p95 latency ${run.p95LatencyMs.toFixed(0)} ms, ${timeouts}; on average ${run.meanBusy.toFixed(1)} connections were busy. ` +
    `The lowest p95 for this load is ${best.p95LatencyMs.toFixed(0)} ms with a pool of ${best.poolSize}.`
  );
}

/** The run with the lowest p95 latency among those that lost no requests (or the fewest timeouts). */
export function bestRun(runs: PoolRun[]): PoolRun {
  let best = runs[0] as PoolRun;
  for (const run of runs) {
    if (run.timedOut < best.timedOut || (run.timedOut === best.timedOut && run.p95LatencyMs < best.p95LatencyMs)) best = run;
  }
  return best;
}
