import "server-only";
import { db } from "./client";

/** One piece of the app, up or not, and in words why not (GET /api/health). */
export interface PieceHealth {
  up: boolean;
  problem?: string;
}

/** Words for a database failure a newcomer can act on; never the URL (it holds the password). */
export function describeDatabaseProblem(error: unknown): string {
  const text = `${(error as { code?: string })?.code ?? ""} ${String((error as Error)?.message ?? error)} ${String((error as { cause?: unknown })?.cause ?? "")}`;
  if (/ECONNREFUSED|connect ECONN|Can't reach database|ENOTFOUND|EHOSTUNREACH/i.test(text)) {
    return "PostgreSQL does not answer at DATABASE_URL's address: is it running? (npm run dev and npm start run an embedded one when DATABASE_URL is unset)";
  }
  if (/28P01|password authentication failed/i.test(text)) return "PostgreSQL refused the user name or password in DATABASE_URL";
  if (/3D000|database .* does not exist/i.test(text)) return "the database named in DATABASE_URL does not exist on that PostgreSQL";
  if (/timed out/i.test(text)) return "PostgreSQL did not answer in time (overloaded or unreachable)";
  return `PostgreSQL did not answer a trivial query: ${String((error as Error)?.message ?? error).split("\n")[0]?.slice(0, 200)}`;
}

export async function databaseHealth(timeoutMs: number): Promise<PieceHealth> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timed out")), timeoutMs);
      }),
    ]);
    return { up: true };
  } catch (error) {
    return { up: false, problem: describeDatabaseProblem(error) };
  } finally {
    clearTimeout(timer);
  }
}
