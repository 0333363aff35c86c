// One pg pool per database URL per process for queue work (raw SQL: the queue's tables and
// graphile-worker's functions; Prisma stays in lib/db). Kept on globalThis so dev reloads do not leak.
import pg from "pg";

const globalForQueue = globalThis as unknown as { blueprintQueuePools?: Map<string, pg.Pool> };

export function queuePool(url: string): pg.Pool {
  const pools = (globalForQueue.blueprintQueuePools ??= new Map());
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: 4 });
    // An idle client's error (the server restarted) must not crash the process; the next query reconnects.
    pool.on("error", () => {});
    pools.set(url, pool);
  }
  return pool;
}

/** Closes this process's queue pools (tests and scripts that end). */
export async function closeQueuePools(): Promise<void> {
  const pools = globalForQueue.blueprintQueuePools;
  if (!pools) return;
  globalForQueue.blueprintQueuePools = undefined;
  await Promise.all([...pools.values()].map((pool) => pool.end()));
}
