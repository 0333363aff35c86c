// The one place that decides "the database is not reachable": every shape a lost
// PostgreSQL takes on its way up through pg, @prisma/adapter-pg and Prisma's client
// becomes AppError("unavailable") (the route wrapper answers 503 with Retry-After).
// The shapes were found by stopping a real PostgreSQL under Prisma 7 + adapter-pg (see
// lib/db/unavailable.test.ts for each as seen, tests/integration/database-outage.test.ts
// for the real thing); a wrong password or a bad query is not an outage and stays a 500.
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

/** Whether `error` (or anything it wraps) says PostgreSQL cannot be reached or went away. */
export function isDatabaseUnreachable(error: unknown): boolean {
  // Breadth-first through what each layer wraps: Error.cause, Prisma's meta.driverAdapterError
  // (whose cause is the adapter's mapped error) and AggregateError.errors (one socket error
  // per address tried, ::1 and 127.0.0.1).
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (current === null || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const { code, kind, originalCode, message, errors, cause, meta } = current as Record<string, unknown>;
    if (typeof code === "string" && (SOCKET_CODES.has(code) || POSTGRES_CODES.has(code) || PRISMA_CODES.has(code))) return true;
    if (typeof originalCode === "string" && POSTGRES_CODES.has(originalCode)) return true;
    if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
    queue.push(cause, (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError, ...(Array.isArray(errors) ? errors : []));
  }
  return false;
}

/** AppError("unavailable") with the learner's message when `error` is a lost database, else null. */
export function databaseUnavailable(error: unknown): AppError | null {
  if (error instanceof AppError || !isDatabaseUnreachable(error)) return null;
  return new AppError("unavailable", DATABASE_UNAVAILABLE_MESSAGE, { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS });
}

/**
 * A short line for logs: the codes along what the error wraps (Prisma's, the adapter's kind,
 * PostgreSQL's SQLSTATE) and the last line of its message. Prisma's messages start with the
 * call site and can quote a query's arguments in between; the last line says what happened.
 */
export function errorSummary(error: unknown): string {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && codes.length < 6) {
    const current = queue.shift();
    if (current === null || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const { code, kind, originalCode, cause, meta } = current as Record<string, unknown>;
    for (const value of [code, kind, originalCode]) if (typeof value === "string" && !codes.includes(value)) codes.push(value);
    queue.push(cause, (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError);
  }
  const message = error instanceof Error ? error.message : String(error);
  const last = message.split("\n").map((line) => line.trim()).filter(Boolean).at(-1) ?? "";
  return [codes.join(" / "), last.slice(0, 300)].filter(Boolean).join(": ");
}
