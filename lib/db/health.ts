import "server-only";
import { db } from "./client";

/** One piece of the app, up or not, and in words why not (GET /api/health). */
export interface PieceHealth {
  up: boolean;
  problem?: string;
}

/** The database: up, how long a trivial query took, and the problem in words when down. */
export interface DatabaseHealth extends PieceHealth {
  /** Round trip of `SELECT 1` through the app's own Prisma client (its pool included), in ms. */
  latencyMs?: number;
}

/** Words for a database failure a newcomer can act on; never the URL (it holds the password). */
export function describeDatabaseProblem(error: unknown): string {
  const text = `${(error as { code?: string })?.code ?? ""} ${String((error as Error)?.message ?? error)} ${String((error as { cause?: unknown })?.cause ?? "")}`;
  if (/ECONNREFUSED|connect ECONN|Can't reach database|ENOTFOUND|EHOSTUNREACH/i.test(text)) {
    return "PostgreSQL does not answer at DATABASE_URL's address: is it running? (npm run dev and npm start run an embedded one when DATABASE_URL is unset)";
  }
  if (/28P01|password authentication failed/i.test(text)) return "PostgreSQL refused the user name or password in DATABASE_URL";
  if (/3D000|database .* does not exist/i.test(text)) return "the database named in DATABASE_URL does not exist on that PostgreSQL";
  if (/42P01|relation .* does not exist/i.test(text)) return "the database has none of the app's tables yet (or not this version's): run npm run db:migrate (npm run dev and npm start migrate by themselves)";
  if (/timed out/i.test(text)) return "PostgreSQL did not answer in time (overloaded or unreachable)";
  return `PostgreSQL did not answer a trivial query: ${String((error as Error)?.message ?? error).split("\n")[0]?.slice(0, 200)}`;
}

/** `work` or a rejection after `timeoutMs` ("timed out"), whichever comes first. */
export async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("timed out")), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function databaseHealth(timeoutMs: number): Promise<DatabaseHealth> {
  const since = performance.now();
  try {
    await withTimeout(db().$queryRaw`SELECT 1`, timeoutMs);
    return { up: true, latencyMs: Math.round((performance.now() - since) * 10) / 10 };
  } catch (error) {
    return { up: false, problem: describeDatabaseProblem(error) };
  }
}
