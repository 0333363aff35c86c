// npm run bench:queue [-- --jobs 60]
// The two PostgreSQL job queues that run on Node 20, on an embedded PostgreSQL: for each,
// pickup latency (enqueue -> the handler starts) and round trip (enqueue -> the enqueuer hears
// the result, through the same LISTEN/NOTIFY for both), median and p95, one job at a time with
// a random 0-100 ms gap (a learner's submit meets an idle worker). graphile-worker 0.17 wakes its
// workers with LISTEN/NOTIFY; pg-boss 10 polls (default every 2 s, at least every 0.5 s).
// Wall-clock figures on a shared machine: compare the libraries within one run.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { makeWorkerUtils, run } from "graphile-worker";
import PgBoss from "pg-boss";
import pg from "pg";
import { freePort, startEmbeddedPostgres } from "../lib/db-tooling/embedded-postgres";
import { quietLogger } from "../lib/judge-queue/worker-logger";

const index = process.argv.indexOf("--jobs");
const jobs = index > 0 ? Number(process.argv[index + 1]) : 60;

interface Sample {
  pickupMs: number;
  roundTripMs: number;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Times `jobs` jobs one at a time: `enqueue(id)` puts one on the queue; its handler calls started(id) then NOTIFYs bench_done. */
async function measure(url: string, enqueue: (id: string) => Promise<unknown>, started: Map<string, number>): Promise<Sample[]> {
  const listener = new pg.Client({ connectionString: url });
  await listener.connect();
  const heard = new Map<string, (at: number) => void>();
  listener.on("notification", (note) => heard.get(note.payload ?? "")?.(performance.now()));
  await listener.query("LISTEN bench_done");
  const samples: Sample[] = [];
  try {
    for (let i = 0; i < jobs + 3; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 100));
      const id = `job-${i}-${Math.random().toString(36).slice(2)}`;
      const done = new Promise<number>((resolve) => heard.set(id, resolve));
      const t0 = performance.now();
      await enqueue(id);
      const t2 = await done;
      heard.delete(id);
      // The first three warm connections and plans up.
      if (i >= 3) samples.push({ pickupMs: started.get(id)! - t0, roundTripMs: t2 - t0 });
    }
  } finally {
    await listener.end();
  }
  return samples;
}

async function benchGraphile(url: string): Promise<Sample[]> {
  const started = new Map<string, number>();
  const pool = new pg.Pool({ connectionString: url, max: 6 });
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  const runner = await run({
    pgPool: pool,
    concurrency: 2,
    noHandleSignals: true,
    logger: quietLogger,
    taskList: {
      bench: async (payload, helpers) => {
        const id = (payload as { id: string }).id;
        started.set(id, performance.now());
        await helpers.query("SELECT pg_notify('bench_done', $1)", [id]);
      },
    },
  });
  const utils = await makeWorkerUtils({ pgPool: pool, logger: quietLogger });
  try {
    return await measure(url, (id) => utils.addJob("bench", { id }), started);
  } finally {
    await runner.stop();
    await utils.release();
    await pool.end();
  }
}

async function benchPgBoss(url: string, pollingIntervalSeconds: number): Promise<Sample[]> {
  const started = new Map<string, number>();
  const boss = new PgBoss({ connectionString: url, schema: `pgboss_${String(pollingIntervalSeconds).replace(".", "_")}` });
  boss.on("error", (error) => process.stderr.write(`pg-boss: ${String(error)}\n`));
  await boss.start();
  const queue = "bench";
  await boss.createQueue(queue);
  const notifier = new pg.Pool({ connectionString: url, max: 2 });
  await boss.work<{ id: string }>(queue, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
    if (!job) return;
    started.set(job.data.id, performance.now());
    await notifier.query("SELECT pg_notify('bench_done', $1)", [job.data.id]);
  });
  try {
    return await measure(url, (id) => boss.send(queue, { id }), started);
  } finally {
    await boss.stop({ graceful: false, wait: true });
    await notifier.end();
  }
}

const dir = mkdtempSync(path.join(os.tmpdir(), "blueprint-bench-queue-"));
chmodSync(dir, 0o755); // as root, PostgreSQL runs as its own user
const cluster = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), port: await freePort(), database: "bench", persistent: false });
try {
  const rows: Array<[string, Sample[]]> = [];
  rows.push(["graphile-worker 0.17.3 (LISTEN/NOTIFY)", await benchGraphile(cluster.url)]);
  rows.push(["pg-boss 10.4.2, polling every 2 s (default)", await benchPgBoss(cluster.url, 2)]);
  rows.push(["pg-boss 10.4.2, polling every 0.5 s (its minimum)", await benchPgBoss(cluster.url, 0.5)]);
  const fmt = (n: number) => n.toFixed(1).padStart(8);
  process.stdout.write(`\n${jobs} jobs each, one at a time, 0-100 ms apart; load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} on ${os.availableParallelism()} cores\n\n`);
  process.stdout.write(`${"queue".padEnd(52)} pickup p50   pickup p95   round trip p50   round trip p95  (ms)\n`);
  for (const [name, samples] of rows) {
    const pickup = samples.map((s) => s.pickupMs);
    const trip = samples.map((s) => s.roundTripMs);
    process.stdout.write(`${name.padEnd(52)} ${fmt(quantile(pickup, 0.5))}     ${fmt(quantile(pickup, 0.95))}     ${fmt(quantile(trip, 0.5))}         ${fmt(quantile(trip, 0.95))}\n`);
  }
  const graphileP50 = quantile(rows[0]![1].map((s) => s.roundTripMs), 0.5);
  const bossP50 = quantile(rows[2]![1].map((s) => s.roundTripMs), 0.5);
  process.stdout.write(`\nround trip p50, pg-boss at 0.5 s / graphile-worker: ${(bossP50 / graphileP50).toFixed(1)}x\n`);
} finally {
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
}
