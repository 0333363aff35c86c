// The app's Prometheus metrics (GET /metrics), with prom-client.
//
// One Registry per process, kept on globalThis with its metrics. Next.js bundles each route
// handler on its own and copies this module into several chunks; in a production build
// Turbopack still evaluates it once per process (checked: a build patched to keep the
// registry in a module variable counted the judge route's 503s in /metrics all the same,
// decision 022), but `next dev` re-evaluates modules on every change and a test's
// vi.resetModules does too: a module-level registry would then start from zero while
// requests still count in the old one. globalThis holds whichever copy ran first.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

// From a trivial run (a few ms) to the judge's wall-clock limit and a queue wait of half a minute.
const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

interface AppMetrics {
  registry: Registry;
  submissions: Counter<"mode" | "verdict">;
  judgeDuration: Histogram<"mode">;
  queueWait: Histogram;
  refusals: Counter<"status" | "reason">;
  queueDepth: Gauge;
  queueOldestAge: Gauge;
  liveWorkers: Gauge;
  queueReadable: Gauge;
}

const globalForMetrics = globalThis as unknown as { blueprintMetrics?: AppMetrics };

function createMetrics(): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "blueprint_" });
  return {
    registry,
    submissions: new Counter({
      name: "blueprint_submissions_total",
      help: "Runs and submits judged, by mode and verdict.",
      labelNames: ["mode", "verdict"] as const,
      registers: [registry],
    }),
    judgeDuration: new Histogram({
      name: "blueprint_judge_duration_seconds",
      help: "Time the judge took for one run or submit, by mode.",
      labelNames: ["mode"] as const,
      buckets: SECONDS_BUCKETS,
      registers: [registry],
    }),
    queueWait: new Histogram({
      name: "blueprint_judge_queue_wait_seconds",
      help: "Time a judge job waited in the queue before a worker took it.",
      buckets: SECONDS_BUCKETS,
      registers: [registry],
    }),
    refusals: new Counter({
      name: "blueprint_http_refusals_total",
      help: "Requests refused with 429 (rate limited) or 503 (unavailable), by status and reason.",
      labelNames: ["status", "reason"] as const,
      registers: [registry],
    }),
    // The queue as the database sees it, read at each scrape: the same value from every app
    // server (aggregate with max, not sum).
    queueDepth: new Gauge({ name: "blueprint_judge_queue_depth", help: "Judge jobs waiting or running (whole queue, read at scrape).", registers: [registry] }),
    queueOldestAge: new Gauge({
      name: "blueprint_judge_queue_oldest_job_age_seconds",
      help: "Age of the oldest judge job waiting or running, 0 when none (whole queue, read at scrape).",
      registers: [registry],
    }),
    liveWorkers: new Gauge({ name: "blueprint_judge_workers_live", help: "Judge workers whose heartbeat lease holds (read at scrape).", registers: [registry] }),
    queueReadable: new Gauge({
      name: "blueprint_judge_queue_readable",
      help: "1 when this scrape read the queue from the database, 0 when it could not (the queue gauges then keep their last read).",
      registers: [registry],
    }),
  };
}

function metrics(): AppMetrics {
  globalForMetrics.blueprintMetrics ??= createMetrics();
  return globalForMetrics.blueprintMetrics;
}

/** One judged run or submit: its verdict, the judge's time and, through the queue, the wait before a worker took it. */
export function recordJudgeOutcome(o: { mode: "run" | "submit"; verdict: string; judgeMs: number; queueWaitMs?: number }): void {
  const m = metrics();
  m.submissions.inc({ mode: o.mode, verdict: o.verdict });
  m.judgeDuration.observe({ mode: o.mode }, Math.max(0, o.judgeMs) / 1000);
  if (o.queueWaitMs !== undefined) m.queueWait.observe(Math.max(0, o.queueWaitMs) / 1000);
}

/** A request refused: 429 (a limit) or 503 (something is unavailable), with a short reason label. */
export function recordRefusal(status: 429 | 503, reason: string): void {
  metrics().refusals.inc({ status: String(status), reason });
}

/** The queue's state for the gauges; null when it could not be read (readable 0; the others keep their last read, not a made-up 0). */
export function recordQueueState(state: { depth: number; oldestJobAgeMs: number | null; liveWorkers: number } | null): void {
  const m = metrics();
  m.queueReadable.set(state === null ? 0 : 1);
  if (state === null) return;
  m.queueDepth.set(state.depth);
  m.queueOldestAge.set((state.oldestJobAgeMs ?? 0) / 1000);
  m.liveWorkers.set(state.liveWorkers);
}

/** Every metric of this process in Prometheus' text format. */
export function metricsText(): Promise<string> {
  return metrics().registry.metrics();
}

/** The Content-Type of metricsText() (Prometheus text format 0.0.4). */
export function metricsContentType(): string {
  return metrics().registry.contentType;
}

export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;
