// What the cluster tests share: a cluster of their own in a scratch folder, learners with
// their own cookies, and a steady stream of correct submissions through HAProxy in which
// every submission carries a marker, so its Submission rows can be found in PostgreSQL.
import { randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { CLASSROOM_LIMITS, loadTarget } from "../../lib/cluster/load";
import { startCluster, type Cluster } from "../../lib/cluster/start-cluster";

export { newLearner } from "../../lib/cluster/load";
const { challenge, draftPath, submitPath } = loadTarget();
export const CHALLENGE = challenge;
export const DRAFT_PATH = draftPath;
const SUBMIT_PATH = submitPath;

export async function startTestCluster(options: { apps: number; workers: number }): Promise<Cluster & { cleanUp(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "blueprint-cluster-test-"));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as its own user
  const lines: string[] = [];
  const cluster = await startCluster({
    root: process.cwd(),
    dataDir,
    apps: options.apps,
    workers: options.workers,
    workerConcurrency: 1,
    frontPort: Number(process.env.BLUEPRINT_CLUSTER_TEST_PORT ?? 4600),
    appEnv: CLASSROOM_LIMITS,
    restart: false,
    // The last lines of every process, for a failure's message.
    print: (name, line) => {
      lines.push(`[${name}] ${line}`);
      if (lines.length > 200) lines.shift();
    },
  }).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  try {
    await cluster.waitUntilReady();
  } catch (error) {
    await cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n${lines.slice(-40).join("\n")}`);
  }
  return {
    ...cluster,
    async cleanUp() {
      await cluster.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Attempt {
  marker: string;
  startedAt: number;
  endedAt: number;
  /** HTTP status, or 0 when the connection broke before a whole answer. */
  status: number;
  verdict: string | undefined;
}

/**
 * `learners` clients, each its own learner, each submitting the reference solution (with a
 * marker comment) one request after another until `stop()`; `onAttempt` sees every answer.
 */
export function submissionStream(baseUrl: string, cookies: string[], onAttempt: (attempt: Attempt) => void = () => {}) {
  const attempts: Attempt[] = [];
  let running = true;
  const loops = cookies.map(async (cookie) => {
    while (running) {
      const marker = randomUUID();
      const startedAt = performance.now();
      let status = 0;
      let verdict: string | undefined;
      try {
        const response = await fetch(`${baseUrl}${SUBMIT_PATH}`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body: JSON.stringify({ code: `${challenge.solution}\n// load ${marker}\n` }),
          signal: AbortSignal.timeout(90_000),
        });
        // An answer is a status with its whole body: a server killed mid-reply can leave HAProxy
        // with the status line sent and the body cut, which counts as no answer.
        const text = await response.text();
        const body = JSON.parse(text) as { verdict?: string };
        status = response.status;
        verdict = body.verdict;
      } catch {
        status = 0;
      }
      const attempt = { marker, startedAt, endedAt: performance.now(), status, verdict };
      attempts.push(attempt);
      onAttempt(attempt);
      // A refused or broken request: the next one after a breath, not in a tight loop against a dead port.
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  return {
    attempts,
    async stop(): Promise<Attempt[]> {
      running = false;
      await Promise.all(loops);
      return attempts;
    },
  };
}

/** Resolves when `count` more attempts matching `filter` have been answered. */
export function attemptsAnswered(subscribe: (listener: (attempt: Attempt) => void) => () => void, count: number, filter: (attempt: Attempt) => boolean) {
  return new Promise<void>((resolve) => {
    let seen = 0;
    const unsubscribe = subscribe((attempt) => {
      if (filter(attempt) && ++seen >= count) {
        unsubscribe();
        resolve();
      }
    });
  });
}

/** A tiny event hub for the stream's attempts. */
export function attemptHub() {
  const listeners = new Set<(attempt: Attempt) => void>();
  return {
    emit: (attempt: Attempt) => {
      for (const listener of [...listeners]) listener(attempt);
    },
    subscribe: (listener: (attempt: Attempt) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Submission rows per marker, with their verdicts, as PostgreSQL has them. */
export async function submissionRowsByMarker(databaseUrl: string): Promise<Map<string, string[]>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ marker: string; verdict: string }>(
      String.raw`SELECT substring(code from '// load ([0-9a-f-]{36})') AS marker, verdict::text AS verdict FROM "Submission" WHERE code ~ '// load [0-9a-f-]{36}'`,
    );
    const byMarker = new Map<string, string[]>();
    for (const row of rows) byMarker.set(row.marker, [...(byMarker.get(row.marker) ?? []), row.verdict]);
    return byMarker;
  } finally {
    await client.end();
  }
}
