// Each lost-database error as Prisma 7 + @prisma/adapter-pg + pg 8 threw it when a real
// PostgreSQL was stopped or its backend terminated (reduced to the fields that identify it).
import { describe, expect, it } from "vitest";
import { AppError } from "../app-error";
import { DATABASE_UNAVAILABLE_MESSAGE, databaseUnavailable, isDatabaseUnreachable } from "./unavailable";

function prismaError(code: string, message: string, driverCause?: Record<string, unknown>): Error {
  const driverAdapterError = Object.assign(new Error(String(driverCause?.kind ?? "")), { name: "DriverAdapterError", cause: driverCause });
  return Object.assign(new Error(message), { name: "PrismaClientKnownRequestError", code, meta: driverCause ? { driverAdapterError } : {} });
}

describe("a lost database", () => {
  it("a model query while PostgreSQL is down: P1001 DatabaseNotReachable", () => {
    expect(isDatabaseUnreachable(prismaError("P1001", "Can't reach database server at 127.0.0.1:5432", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }))).toBe(true);
  });

  it("a raw query cut by shutdown or pg_terminate_backend: P2010 wrapping the adapter's 57P01", () => {
    const error = prismaError("P2010", "Raw query failed. Code: `57P01`. Message: `terminating connection due to administrator command`", {
      kind: "postgres",
      code: "57P01",
      originalCode: "57P01",
      severity: "FATAL",
    });
    expect(isDatabaseUnreachable(error)).toBe(true);
  });

  it("a raw query while PostgreSQL is down: P2010 wrapping DatabaseNotReachable", () => {
    expect(isDatabaseUnreachable(prismaError("P2010", "Raw query failed. Code: `N/A`.", { kind: "DatabaseNotReachable" }))).toBe(true);
  });

  it("a closed connection (P1017) and a socket timeout", () => {
    expect(isDatabaseUnreachable(prismaError("P1017", "Server has closed the connection.", { kind: "ConnectionClosed" }))).toBe(true);
    expect(isDatabaseUnreachable(prismaError("P1008", "Operations timed out", { kind: "SocketTimeout" }))).toBe(true);
  });

  it("pg's own: refused, terminated, the pool's connect timeout, an AggregateError of refusals", () => {
    expect(isDatabaseUnreachable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnreachable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnreachable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    const refused = (address: string) => Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: "ECONNREFUSED" });
    expect(isDatabaseUnreachable(new AggregateError([refused("::1:5432"), refused("127.0.0.1:5432")], ""))).toBe(true);
  });

  it("found under an Error.cause", () => {
    expect(isDatabaseUnreachable(new Error("saving the draft failed", { cause: Object.assign(new Error("x"), { code: "57P03" }) }))).toBe(true);
  });

  it("becomes AppError unavailable with the learner's message and a Retry-After", () => {
    const mapped = databaseUnavailable(prismaError("P1001", "Can't reach database server", { kind: "DatabaseNotReachable" }));
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped?.code).toBe("unavailable");
    expect(mapped?.message).toBe(DATABASE_UNAVAILABLE_MESSAGE);
    expect(mapped?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });
});

describe("not an outage", () => {
  it("a wrong password, a missing database, a constraint, a plain bug, an AppError", () => {
    expect(isDatabaseUnreachable(prismaError("P1000", "Authentication failed", { kind: "AuthenticationFailed" }))).toBe(false);
    expect(isDatabaseUnreachable(Object.assign(new Error("password authentication failed for user admin"), { code: "28P01" }))).toBe(false);
    expect(isDatabaseUnreachable(prismaError("P2002", "Unique constraint failed", { kind: "UniqueConstraintViolation" }))).toBe(false);
    expect(isDatabaseUnreachable(prismaError("P2010", "Raw query failed. Code: `42601`.", { kind: "postgres", code: "42601", originalCode: "42601" }))).toBe(false);
    expect(isDatabaseUnreachable(new TypeError("cannot read properties of undefined"))).toBe(false);
    expect(databaseUnavailable(new AppError("unavailable", "the judge is busy"))).toBeNull();
  });

  it("survives cycles in what it walks", () => {
    const a: Record<string, unknown> = { message: "a" };
    a.cause = { message: "b", cause: a };
    expect(isDatabaseUnreachable(a)).toBe(false);
  });
});
