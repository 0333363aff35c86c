import "server-only";
import { db } from "./client";
import { Prisma } from "./generated/client";

export interface BucketResult {
  allowed: boolean;
  /** Tokens left after this request (fractional while refilling). */
  tokens: number;
}

/**
 * One token-bucket take, refill included, as a single atomic statement: the row lock
 * taken by ON CONFLICT DO UPDATE serialises concurrent requests on every app server.
 * The same arithmetic as lib/rate-limit/token-bucket.ts, in SQL.
 */
export async function takeToken(key: string, capacity: number, refillPerSecond: number, at?: Date): Promise<BucketResult> {
  const rows = await db().$queryRaw<Array<{ allowed: boolean; tokens: number }>>`${takeTokenStatement(key, capacity, refillPerSecond, at)}`;
  const row = rows[0];
  if (!row) throw new Error("rate limit statement returned no row");
  return { allowed: row.allowed, tokens: Number(row.tokens) };
}

/** The take as a statement (`INSERT ... RETURNING "allowed", "tokens"`), so a caller can run it in one statement with its own write. */
export function takeTokenStatement(key: string, capacity: number, refillPerSecond: number, at?: Date): Prisma.Sql {
  // `at` lets tests fix the clock; the database's clock otherwise, shared by every app server.
  const now = at ? Prisma.sql`${at.toISOString()}::timestamptz` : Prisma.sql`now()`;
  return Prisma.sql`
    INSERT INTO "RateLimitBucket" AS b ("key", "tokens", "allowed", "updatedAt")
    VALUES (${key}, ${capacity}::float8 - 1, true, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "allowed" = LEAST(${capacity}::float8, b."tokens" + GREATEST(0, EXTRACT(EPOCH FROM (${now} - b."updatedAt"))::float8) * ${refillPerSecond}::float8) >= 1,
      "tokens" = LEAST(${capacity}::float8, b."tokens" + GREATEST(0, EXTRACT(EPOCH FROM (${now} - b."updatedAt"))::float8) * ${refillPerSecond}::float8)
        - CASE WHEN LEAST(${capacity}::float8, b."tokens" + GREATEST(0, EXTRACT(EPOCH FROM (${now} - b."updatedAt"))::float8) * ${refillPerSecond}::float8) >= 1 THEN 1 ELSE 0 END,
      "updatedAt" = GREATEST(b."updatedAt", ${now})
    RETURNING "allowed", "tokens"`;
}

/** Forgets every bucket of this learner (account deletion). */
export async function deleteBuckets(keyPrefix: string): Promise<void> {
  await db().rateLimitBucket.deleteMany({ where: { key: { startsWith: keyPrefix } } });
}
