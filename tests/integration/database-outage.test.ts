// PostgreSQL goes away under a running app and comes back (issue 16, part 5): the app
// answers 503 with a message a learner can act on and Retry-After, loses no draft saved
// before, and serves the next request once the database is back, with the same process
// and the same Prisma client (its pool reconnects by itself). The test runs its own
// embedded PostgreSQL, since it stops it; it waits for the server's own start and stop.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { freePort, startEmbeddedPostgres, type RunningPostgres } from "../../lib/db-tooling/embedded-postgres";
import { migrate } from "../../lib/db-tooling/migrate";
import { useAppEnv } from "./database";
import { callRoute as call, json } from "./request-scope";

vi.mock("next/headers", async () => (await import("./request-scope")).nextHeaders());

const MESSAGE = "The database is not reachable right now. Nothing you saved is lost; try again in a few seconds.";
const DRAFT = { concept: "rate-limiting", challenge: "limiters" };
const DRAFT_PATH = "/api/drafts/rate-limiting/limiters";

let dir: string;
let options: Parameters<typeof startEmbeddedPostgres>[0];
let postgres: RunningPostgres | null = null;
let api: {
  drafts: typeof import("../../app/api/drafts/[concept]/[challenge]/route");
  progress: typeof import("../../app/api/progress/route");
};
let lines: string[] = [];
const stdout = vi.spyOn(process.stdout, "write");
const stderr = vi.spyOn(console, "error");

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "blueprint-outage-"));
  // Persistent, so a stop keeps the data for the next start; its own password and port.
  options = { dir: path.join(dir, "pg"), port: await freePort(), database: "blueprint", persistent: true, password: `outage-${process.pid}-${Date.now()}` };
  postgres = await startEmbeddedPostgres(options);
  await migrate(postgres.url);
  useAppEnv(postgres.url);
  process.env.BETTER_AUTH_SECRET = "integration-better-auth-secret-0123456789";
  process.env.BETTER_AUTH_URL = "http://localhost";
  // The app's one client (lib/db/client.ts) is made on first use from DATABASE_URL: make sure it is made for this database.
  delete (globalThis as { blueprintPrisma?: unknown }).blueprintPrisma;
  api = { drafts: await import("../../app/api/drafts/[concept]/[challenge]/route"), progress: await import("../../app/api/progress/route") };
  const capture = (chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  };
  stdout.mockImplementation(capture as typeof process.stdout.write);
  stderr.mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
});

afterAll(async () => {
  stdout.mockRestore();
  stderr.mockRestore();
  await (globalThis as { blueprintPrisma?: { $disconnect(): Promise<void> } }).blueprintPrisma?.$disconnect();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const saveDraft = (code: string, cookie?: string) => call(api.drafts.PUT, DRAFT_PATH, { method: "PUT", params: DRAFT, cookie, ...json({ code }) });
const readDraft = (cookie: string) => call(api.drafts.GET, DRAFT_PATH, { params: DRAFT, cookie });

describe("PostgreSQL stops and starts again under the running app", () => {
  test("503 with the message while it is down; the saved draft intact and the next request served once it is back", async () => {
    const saved = await saveDraft("// saved before the outage");
    expect(saved.status).toBe(200);
    const cookie = saved.cookie!;
    expect((await call(api.progress.GET, "/api/progress", { cookie })).status).toBe(200);

    await postgres!.stop();
    postgres = null;
    lines = [];

    const save = await saveDraft("// typed during the outage", cookie);
    expect(save.status).toBe(503);
    expect(save.body).toEqual({ code: "unavailable", error: MESSAGE });
    expect(Number(save.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const read = await call(api.progress.GET, "/api/progress", { cookie, headers: { "x-request-id": "outage-read-1" } });
    expect(read.status).toBe(503);
    expect(read.body).toEqual({ code: "unavailable", error: MESSAGE });
    expect(read.headers.get("x-request-id")).toBe("outage-read-1");

    // Each 503 is one JSON log line with the request id, the route and the code, and nothing of the learner's code.
    const logged = lines.flatMap((line) => line.split("\n")).filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged.find((line) => line.requestId === "outage-read-1")).toMatchObject({ level: "error", route: "/api/progress", code: "unavailable", method: "GET" });
    expect(logged.filter((line) => line.code === "unavailable")).toHaveLength(2);
    // What PostgreSQL's absence looked like, for whoever reads the log: Prisma's and the adapter's codes.
    expect(String(logged.find((line) => line.requestId === "outage-read-1")?.error)).toMatch(/P1001|DatabaseNotReachable|ECONNREFUSED|57P01/);
    expect(lines.join("")).not.toContain("typed during the outage");
    expect(lines.join("")).not.toContain(options.password!);

    // Both counted as refusals because of the database, for GET /metrics.
    expect(await (await import("../../lib/metrics/registry")).metricsText()).toMatch(/^blueprint_http_refusals_total\{status="503",reason="database"\} 2$/m);

    postgres = await startEmbeddedPostgres(options);

    const back = await readDraft(cookie);
    expect(back.status).toBe(200);
    expect(back.body.code).toBe("// saved before the outage");
    const after = await saveDraft("// saved after the outage", cookie);
    expect(after.status).toBe(200);
    expect((await readDraft(cookie)).body.code).toBe("// saved after the outage");
    expect((await call(api.progress.GET, "/api/progress", { cookie })).status).toBe(200);
  });
});
