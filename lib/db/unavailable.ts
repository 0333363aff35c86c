// The one place that decides "the database is not reachable": every shape a lost
// PostgreSQL takes on its way up through pg, @prisma/adapter-pg and Prisma's client
// becomes AppError("unavailable") (the route wrapper answers 503 with Retry-After).
// Each shape below was seen by stopping a real PostgreSQL under the app
// (tests/integration/database-outage.test.ts); a wrong password or a bad query is not
// an outage and stays what it was.
import { AppError } from "../app-error";

export const DATABASE_UNAVAILABLE_MESSAGE = "The database is not reachable right now. Nothing you saved is lost; try again in a few seconds.";
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// Node's socket errors on connect, and the ones of a connection cut while in use.
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
// PostgreSQL: admin shutdown, crash shutdown, cannot connect now (starting up or shutting down),
// and SQLSTATE class 08 (connection exceptions).
const POSTGRES_CODES = new Set(["57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006"]);
// Prisma's: can't reach the server (P1001), timed out (P1002, P1008), connection closed (P1017),
// and the pool timing out (P2024).
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// The adapter's mapped error kinds (DriverAdapterError.cause.kind).
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// pg's own messages, which carry no code.
const MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed|the database system is (starting up|shutting down|in recovery mode)|Can't reach database server|Server has closed the connection/i;

/** Whether `error` (or anything in its cause chain) says PostgreSQL cannot be reached or went away. */
export function isDatabaseUnreachable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== null && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const { code, kind, originalCode, message, errors } = current as { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; errors?: unknown };
    if (typeof code === "string" && (SOCKET_CODES.has(code) || POSTGRES_CODES.has(code) || PRISMA_CODES.has(code))) return true;
    if (typeof originalCode === "string" && POSTGRES_CODES.has(originalCode)) return true;
    if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
    // Node's AggregateError: one socket error per address tried (::1 and 127.0.0.1).
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnreachable(inner))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** AppError("unavailable") with the learner's message when `error` is a lost database, else null. */
export function databaseUnavailable(error: unknown): AppError | null {
  if (error instanceof AppError || !isDatabaseUnreachable(error)) return null;
  return new AppError("unavailable", DATABASE_UNAVAILABLE_MESSAGE, { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS });
}
