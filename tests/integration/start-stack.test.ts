// `npm run dev` / `npm start` (scripts/start-stack.ts) as a newcomer meets them (issue 18):
// a start without a build, taken ports, a first start interrupted by Ctrl+C at each step,
// (issue 11, least privilege) the environment the judge worker and its judge children are
// given, and (issue 16) the one judge worker it supervises: killed, it is restarted.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { listConcepts } from "../../lib/content/catalog";
import { freePort } from "../../lib/db-tooling/embedded-postgres";
import { readMigrations } from "../../lib/db-tooling/migrate";

const root = process.cwd();
const made: string[] = [];
const running = new Set<ChildProcess>();
// The dev server's build folder, apart from every other build's.
afterAll(() => rmSync(path.join(root, ".next-stack-test"), { recursive: true, force: true }));
afterEach(async () => {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataFolder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "blueprint-stack-"));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as its own user and must reach it
  made.push(dir);
  return dir;
}

interface Stack {
  child: ChildProcess;
  /** Resolves with the first output line that matches; rejects if the stack exits first. */
  waitFor(pattern: RegExp): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function startStack(mode: "dev" | "start", env: Record<string, string>): Stack {
  const inherited = { ...process.env };
  // Nothing of the test process's own configuration leaks into the stack under test.
  for (const name of ["DATABASE_URL", "JUDGE_URL", "PORT", "JUDGE_PORT", "JUDGE_LEASE_MS", "JUDGE_CONCURRENCY", "JUDGE_MAX_QUEUE_DEPTH", "BLUEPRINT_PG_PORT", "SESSION_SECRET", "JUDGE_SECRET", "BETTER_AUTH_SECRET", "BLUEPRINT_DATA_DIR"]) {
    delete inherited[name];
  }
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start-stack.ts", mode], {
    cwd: root,
    env: { ...inherited, BLUEPRINT_DIST_DIR: ".next-stack-test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let stdout = "";
  let stderr = "";
  const waiters: { pattern: RegExp; resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  const offer = () => {
    for (const waiter of [...waiters]) {
      const line = `${stdout}\n${stderr}`.split("\n").find((candidate) => waiter.pattern.test(candidate));
      if (line !== undefined) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  };
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    offer();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    offer();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.once("exit", (code, signal) => {
      running.delete(child);
      for (const waiter of waiters.splice(0)) waiter.reject(new Error(`the stack exited (${signal ?? code}) before ${waiter.pattern}:\n${stdout}\n${stderr}`));
      resolve({ code, signal, stdout, stderr });
    });
  });
  return {
    child,
    exited,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        waiters.push({ pattern, resolve, reject });
        offer();
      }),
  };
}

async function ports() {
  return { PORT: String(await freePort()), BLUEPRINT_PG_PORT: String(await freePort()) };
}

describe("npm start before npm run build", () => {
  it("stops with one line saying to build, and starts nothing", async () => {
    const data = dataFolder();
    const stack = startStack("start", { ...(await ports()), BLUEPRINT_DATA_DIR: data, BLUEPRINT_DIST_DIR: ".next-never-built" });
    const { code, stdout, stderr } = await stack.exited;
    expect(code).toBe(1);
    expect(stderr).toBe("[blueprint] no production build in .next-never-built/: run npm run build first, then npm start\n");
    expect(stdout).toBe("");
    expect(existsSync(path.join(data, "postgres"))).toBe(false);
  });
});

describe("a port that is taken", () => {
  const cases = [
    { variable: "PORT", what: "the app" },
    { variable: "BLUEPRINT_PG_PORT", what: "the embedded PostgreSQL" },
  ] as const;
  for (const { variable, what } of cases) {
    it(`${variable}: stops before starting anything, naming the port and the fix`, async () => {
      const blocker = net.createServer();
      await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
      const busy = (blocker.address() as net.AddressInfo).port;
      try {
        const data = dataFolder();
        const stack = startStack("dev", { ...(await ports()), [variable]: String(busy), BLUEPRINT_DATA_DIR: data });
        const { code, stderr } = await stack.exited;
        expect(code).toBe(1);
        expect(stderr).toBe(
          `[blueprint] Port ${busy} (${variable}, for ${what}) is taken: another program listens there. Stop it, or choose another port: ${variable}=${busy + 1} npm run dev\n`,
        );
        expect(existsSync(path.join(data, "postgres"))).toBe(false);
      } finally {
        await new Promise<void>((resolve) => blocker.close(() => resolve()));
      }
    });
  }
});

describe("a first npm run dev interrupted by Ctrl+C", () => {
  const points = [
    { step: "while PostgreSQL is initialised", line: /initialising a new PostgreSQL cluster/ },
    { step: "while migrating", line: /migrating: / },
    { step: "while seeding", line: /seeding the concept catalog/ },
  ];
  for (const [index, { step, line }] of points.entries()) {
    it(
      `${step}: the next start recovers by itself${index === points.length - 1 ? ", the judge worker gets none of the app's secrets and its judge children not even the database, it prints the link when ready, and a killed worker is restarted" : ""}`,
      async () => {
        const data = dataFolder();
        const env = { ...(await ports()), BLUEPRINT_DATA_DIR: data };
        const first = startStack("dev", env);
        await first.waitFor(line);
        first.child.kill("SIGINT");
        const interrupted = await first.exited;
        expect(interrupted.code).toBe(0);
        // Someone (or some umask) loosened the secrets file in between: the next start tightens it.
        chmodSync(path.join(data, "secrets.json"), 0o644);

        const second = startStack("dev", env);
        await second.waitFor(new RegExp(`seeded ${listConcepts().length} concepts`));
        const secrets = JSON.parse(readFileSync(path.join(data, "secrets.json"), "utf8")) as Record<string, string>;
        expect(statSync(path.join(data, "secrets.json")).mode & 0o777).toBe(0o600);
        const client = new pg.Client({
          host: "127.0.0.1",
          port: Number(env.BLUEPRINT_PG_PORT),
          user: "blueprint",
          password: secrets.EMBEDDED_POSTGRES_PASSWORD,
          database: "blueprint",
        });
        await client.connect();
        try {
          const migrations = await client.query(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY 1`);
          expect(migrations.rows.map((row: { migration_name: string }) => row.migration_name)).toEqual(readMigrations().map((file) => file.name));
          const concepts = await client.query(`SELECT count(*)::int AS n FROM "Concept"`);
          expect(concepts.rows).toEqual([{ n: listConcepts().length }]);
        } finally {
          await client.end();
        }

        if (index === points.length - 1) {
          const ready = /"msg":"judge worker ready".*"pid":(\d+)/;
          const firstPid = Number(ready.exec(await second.waitFor(ready))![1]);
          expect(readFileSync(path.join(data, "judge-worker.pid"), "utf8").trim()).toBe(String(firstPid));
          const environOf = (pid: number | string) => readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").filter(Boolean);
          const namesOf = (environ: string[]) => environ.map((entry) => entry.slice(0, entry.indexOf("=")));
          const worker = environOf(firstPid);
          // The worker reaches the queue, and nothing else of the app's.
          expect(namesOf(worker)).toContain("DATABASE_URL");
          for (const secret of ["SESSION_SECRET", "BETTER_AUTH_SECRET", "EMBEDDED_POSTGRES_PASSWORD", "JUDGE_SECRET"]) expect(namesOf(worker)).not.toContain(secret);
          for (const secret of [secrets.SESSION_SECRET, secrets.BETTER_AUTH_SECRET]) expect(worker.join("\n")).not.toContain(secret);
          // The children that run learner code: not even the database.
          const childPids = readFileSync(`/proc/${firstPid}/task/${firstPid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
          expect(childPids.length).toBeGreaterThan(0);
          for (const pid of childPids) {
            const environ = environOf(pid);
            for (const secret of ["DATABASE_URL", "SESSION_SECRET", "BETTER_AUTH_SECRET", "EMBEDDED_POSTGRES_PASSWORD", "JUDGE_SECRET"]) expect(namesOf(environ)).not.toContain(secret);
            expect(environ.join("\n")).not.toContain(secrets.EMBEDDED_POSTGRES_PASSWORD);
          }
          // What the README promises `npm run dev` prints once the app answers: a link to click.
          expect(await second.waitFor(/\[blueprint\] ready: /)).toBe(`[blueprint] ready: http://localhost:${env.PORT}`);
          // A worker that dies is started again, and the new one says it is ready.
          process.kill(firstPid, "SIGKILL");
          await second.waitFor(/\[blueprint\] judge-worker exited \(SIGKILL\); restarting/);
          const restarted = new RegExp(`"msg":"judge worker ready".*"pid":(?!${firstPid}\\b)(\\d+)`);
          const secondPid = Number(restarted.exec(await second.waitFor(restarted))![1]);
          expect(secondPid).not.toBe(firstPid);
          expect(readFileSync(path.join(data, "judge-worker.pid"), "utf8").trim()).toBe(String(secondPid));
        }

        second.child.kill("SIGINT");
        expect((await second.exited).code).toBe(0);
        // Stopped cleanly: PostgreSQL removed its lock file.
        expect(existsSync(path.join(data, "postgres", "postmaster.pid"))).toBe(false);
      },
      360_000,
    );
  }
});
