// The app's half of waiting for a verdict: ONE LISTEN connection per process, dispatching
// each worker's NOTIFY by job id to the request waiting on it (no polling loop). While anyone
// waits, the process also runs the lease sweeper, so a dead worker's job is handed on even when
// no other worker process is sweeping yet.
import pg from "pg";
import { BEAT_MS } from "./config";
import { queuePool } from "./connection";
import { sweep } from "./lease";
import { DONE_CHANNEL, parseDoneMessage, type DoneMessage } from "./messages";

export interface JobResult {
  verdict: unknown;
  queueWaitMs: number;
  judgeMs: number;
  attempts: number;
}

export type WaitOutcome = { kind: "judged"; result: JobResult } | { kind: "not_judged"; reason: "timeout" | "aborted" };

type Resolve = (message: DoneMessage | "check") => void;

export class VerdictListener {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly waiters = new Map<string, Resolve>();
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly leaseMs: number,
  ) {}

  /** Resolves once this process LISTENs; call before enqueueing so no NOTIFY can be missed. */
  async ready(): Promise<void> {
    if (this.client) return;
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    await this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url });
    client.on("notification", (note) => {
      const message = parseDoneMessage(note.payload);
      if (message) this.waiters.get(message.id)?.(message);
    });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      client.end().catch(() => {});
      // NOTIFYs sent while we were away are gone: reconnect and ask each waiting job's row once.
      if (this.waiters.size > 0) setTimeout(() => this.recover(), 200).unref();
    };
    client.on("error", lost);
    client.on("end", lost);
    await client.connect();
    await client.query(`LISTEN ${DONE_CHANNEL}`);
    this.client = client;
    return client;
  }

  private async recover(): Promise<void> {
    try {
      await this.ready();
      const ids = [...this.waiters.keys()];
      const { rows } = await queuePool(this.url).query<{ id: string }>(`SELECT "id"::text AS id FROM "JudgeJob" WHERE "id" = ANY($1::uuid[]) AND "status" = 'done'`, [ids]);
      for (const row of rows) this.waiters.get(row.id)?.("check");
    } catch {
      if (this.waiters.size > 0) setTimeout(() => this.recover(), 1000).unref();
    }
  }

  /**
   * Waits for job `id`'s verdict: call `expect` (after ready(), before enqueueing), then await
   * `outcome`. On timeout or abort the job is marked not judged unless it finished first, in one
   * UPDATE, so a late verdict is never shown as if judged.
   */
  expect(id: string, options: { timeoutMs: number; signal?: AbortSignal }): { outcome: () => Promise<WaitOutcome>; cancel: () => void } {
    let resolveMessage!: Resolve;
    const message = new Promise<DoneMessage | "check">((resolve) => (resolveMessage = resolve));
    this.waiters.set(id, resolveMessage);
    this.startSweeper();
    const forget = () => {
      this.waiters.delete(id);
      if (this.waiters.size === 0) this.stopSweeper();
    };
    const outcome = async (): Promise<WaitOutcome> => {
      let timer: NodeJS.Timeout | undefined;
      let onAbort: (() => void) | undefined;
      const gaveUp = new Promise<"timeout" | "aborted">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), options.timeoutMs);
        onAbort = () => resolve("aborted");
        if (options.signal?.aborted) resolve("aborted");
        options.signal?.addEventListener("abort", onAbort, { once: true });
      });
      try {
        const first = await Promise.race([message, gaveUp]);
        if (first === "timeout" || first === "aborted") {
          const marked = await this.markNotJudged(id);
          if (marked) return { kind: "not_judged", reason: first };
          return { kind: "judged", result: await this.readResult(id) };
        }
        if (first !== "check" && first.v != null) return { kind: "judged", result: { verdict: first.v, queueWaitMs: first.q, judgeMs: first.j, attempts: first.a } };
        return { kind: "judged", result: await this.readResult(id) };
      } finally {
        clearTimeout(timer);
        if (onAbort) options.signal?.removeEventListener("abort", onAbort);
        forget();
      }
    };
    return { outcome, cancel: forget };
  }

  /** True when this call turned the job to not_judged; false when a worker had stored its verdict first. */
  private async markNotJudged(id: string): Promise<boolean> {
    const { rowCount } = await queuePool(this.url).query(
      `UPDATE "JudgeJob" SET "status" = 'not_judged', "finishedAt" = now() WHERE "id" = $1 AND "status" IN ('queued', 'running')`,
      [id],
    );
    return rowCount === 1;
  }

  private async readResult(id: string): Promise<JobResult> {
    const { rows } = await queuePool(this.url).query<{ verdict: unknown; q: number; j: number; attempts: number }>(
      `SELECT "verdict", (extract(epoch FROM "startedAt" - "createdAt") * 1000)::float8 AS q,
              (extract(epoch FROM "finishedAt" - "startedAt") * 1000)::float8 AS j, "attempts"
       FROM "JudgeJob" WHERE "id" = $1 AND "status" = 'done'`,
      [id],
    );
    const row = rows[0];
    if (!row) throw new Error(`judge job ${id} has no stored verdict`);
    return { verdict: row.verdict, queueWaitMs: row.q, judgeMs: row.j, attempts: row.attempts };
  }

  private startSweeper(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => {
      sweep(queuePool(this.url), this.leaseMs).catch(() => {});
    }, BEAT_MS);
    this.sweeper.unref();
  }

  private stopSweeper(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }

  async close(): Promise<void> {
    this.stopSweeper();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}

const globalForListener = globalThis as unknown as { blueprintVerdictListeners?: Map<string, VerdictListener> };

/** This process's listener for a database (one LISTEN connection, however many requests wait). */
export function verdictListener(url: string, leaseMs: number): VerdictListener {
  const listeners = (globalForListener.blueprintVerdictListeners ??= new Map());
  let listener = listeners.get(url);
  if (!listener) {
    listener = new VerdictListener(url, leaseMs);
    listeners.set(url, listener);
  }
  return listener;
}
