import "server-only";
import { listConcepts } from "../content/catalog";
import { judgeQueueStats } from "../judge-queue/stats";
import { listSeededConcepts, type SeededConcept } from "./concept-catalog";
import { databaseHealth, describeDatabaseProblem, withTimeout, type DatabaseHealth } from "./health";

/** The judge queue as the health report sees it: how full, how stale, and who drains it. */
export interface QueueHealth {
  up: boolean;
  depth?: number;
  /** Age of the oldest job waiting or running, in ms; null when there is none. */
  oldestJobAgeMs?: number | null;
  /** Workers whose heartbeat lease holds. */
  liveWorkers?: number;
  problem?: string;
}

/** The database's copy of the concept catalog against content/, the source of truth. */
export interface CatalogHealth {
  /** Concepts seeded into the database; absent when the database could not be read. */
  seeded?: number;
  matches: boolean;
  problem?: string;
}

export interface HealthReport {
  status: "ok" | "down";
  /** One sentence for people: what is up, or every problem. */
  message: string;
  /** Each problem in words, empty when ok. */
  problems: string[];
  /**
   * What is wrong without stopping a submit from being judged (the app reads content/
   * itself, so a stale catalog mirror leaves readiness ok): shown, never a 503.
   */
  warnings: string[];
  database: DatabaseHealth;
  queue: QueueHealth;
  catalog: CatalogHealth;
}

export const NO_WORKER_PROBLEM =
  "no judge worker is live: runs and submits wait until one starts (npm run judge:worker; npm run dev and npm start start one)";

/**
 * Readiness: ok when the database answers and at least one judge worker holds its lease
 * (a submit would be judged), with the queue's depth and oldest job for whoever watches.
 * Liveness (this process answers at all) is GET /api/health/live, which reads nothing.
 */
export async function healthReport(timeoutMs: number): Promise<HealthReport> {
  const [database, queue, catalog] = await Promise.all([databaseHealth(timeoutMs), queueHealth(timeoutMs), catalogHealth(timeoutMs)]);
  const problems = [
    ...(database.up ? [] : [`the database is down: ${database.problem}`]),
    // With the database down, the queue (which lives in it) cannot be read: one problem, not two.
    ...(queue.up || !database.up ? [] : [queue.problem!]),
  ];
  const message = problems.length === 0 ? `the database and the judge queue are up (${queue.liveWorkers} live worker${queue.liveWorkers === 1 ? "" : "s"})` : problems.join("; ");
  const warnings = catalog.problem && database.up ? [catalog.problem] : [];
  return { status: problems.length === 0 ? "ok" : "down", message, problems, warnings, database, queue, catalog };
}

async function catalogHealth(timeoutMs: number): Promise<CatalogHealth> {
  try {
    const seeded = await withTimeout(listSeededConcepts(), timeoutMs);
    const problem = catalogMismatch(listConcepts().map((concept) => ({ slug: concept.slug, challengeId: concept.challenge, available: concept.available })), seeded);
    return { seeded: seeded.length, matches: problem === undefined, ...(problem ? { problem } : {}) };
  } catch (error) {
    return { matches: false, problem: `the concept catalog could not be read: ${describeDatabaseProblem(error)}` };
  }
}

/** How the seeded catalog differs from content's, in words; undefined when they agree. */
export function catalogMismatch(expected: SeededConcept[], seeded: SeededConcept[]): string | undefined {
  const key = (concept: SeededConcept) => `${concept.slug}|${concept.challengeId}|${concept.available}`;
  if (expected.length === seeded.length && expected.every((concept, i) => key(concept) === key(seeded[i]!))) return undefined;
  if (seeded.length === 0) return "the concept catalog is not seeded in the database: run npm run db:seed (npm run dev and npm start seed it)";
  const seededSlugs = new Set(seeded.map((concept) => concept.slug));
  const expectedSlugs = new Set(expected.map((concept) => concept.slug));
  const missing = expected.filter((concept) => !seededSlugs.has(concept.slug)).map((concept) => concept.slug);
  const extra = seeded.filter((concept) => !expectedSlugs.has(concept.slug)).map((concept) => concept.slug);
  const details = [
    ...(missing.length ? [`missing ${missing.join(", ")}`] : []),
    ...(extra.length ? [`not in content/: ${extra.join(", ")}`] : []),
    ...(missing.length || extra.length ? [] : ["order, challenge or availability changed"]),
  ];
  return `the concept catalog in the database is older than content/ (${details.join("; ")}): run npm run db:seed`;
}

async function queueHealth(timeoutMs: number): Promise<QueueHealth> {
  try {
    const stats = await withTimeout(judgeQueueStats(), timeoutMs);
    return stats.liveWorkers > 0 ? { up: true, ...stats } : { up: false, ...stats, problem: NO_WORKER_PROBLEM };
  } catch (error) {
    return { up: false, problem: `the judge queue could not be read: ${describeDatabaseProblem(error)}` };
  }
}
