// `npm run dev` / `npm start`: everything the app needs, in one command.
//  - DATABASE_URL set: use that server and only migrate.
//  - DATABASE_URL unset: start an embedded PostgreSQL under .data/ (kept across
//    restarts, stopped cleanly on exit), migrate and seed it.
//  - the judge service in a process of its own (restarted if it dies), then Next.js.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { freePort, startEmbeddedPostgres, type RunningPostgres } from "../lib/db-tooling/embedded-postgres";
import { migrate } from "../lib/db-tooling/migrate";
import { seed } from "../lib/db-tooling/seed";
import { scheduleLearnerCleanup } from "../lib/db/learner-cleanup";

const mode = process.argv[2] === "start" ? "start" : "dev";
const root = process.cwd();
const dataDir = path.resolve(process.env.BLUEPRINT_DATA_DIR ?? path.join(root, ".data"));
const log = (message: string) => process.stdout.write(`[blueprint] ${message}\n`);
mkdirSync(dataDir, { recursive: true });

type Secrets = { SESSION_SECRET: string; JUDGE_SECRET: string; BETTER_AUTH_SECRET: string };

function localSecrets(): Secrets {
  const file = path.join(dataDir, "secrets.json");
  const stored = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<Secrets>) : {};
  // Any secret missing (an older secrets.json) is generated and added.
  const secrets: Secrets = {
    SESSION_SECRET: stored.SESSION_SECRET ?? randomBytes(32).toString("hex"),
    JUDGE_SECRET: stored.JUDGE_SECRET ?? randomBytes(32).toString("hex"),
    BETTER_AUTH_SECRET: stored.BETTER_AUTH_SECRET ?? randomBytes(32).toString("hex"),
  };
  if (!stored.SESSION_SECRET || !stored.JUDGE_SECRET || !stored.BETTER_AUTH_SECRET) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  }
  return secrets;
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

let postgres: RunningPostgres | undefined;
const children = new Set<ChildProcess>();
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => {
            child.kill("SIGKILL");
            resolve();
          }, 5000);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
        }),
    ),
  );
  if (postgres) {
    log("stopping the embedded PostgreSQL");
    await postgres.stop().catch((error: unknown) => log(`could not stop PostgreSQL cleanly: ${String(error)}`));
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

const secrets: Secrets = {
  SESSION_SECRET: process.env.SESSION_SECRET ?? "",
  JUDGE_SECRET: process.env.JUDGE_SECRET ?? "",
  BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? "",
};
if (!secrets.SESSION_SECRET || !secrets.JUDGE_SECRET || !secrets.BETTER_AUTH_SECRET) {
  if (mode === "start") log(`SESSION_SECRET/JUDGE_SECRET/BETTER_AUTH_SECRET not set: using the ones generated in ${path.join(dataDir, "secrets.json")}`);
  const local = localSecrets();
  secrets.SESSION_SECRET ||= local.SESSION_SECRET;
  secrets.JUDGE_SECRET ||= local.JUDGE_SECRET;
  secrets.BETTER_AUTH_SECRET ||= local.BETTER_AUTH_SECRET;
}

let databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  const wanted = Number(process.env.BLUEPRINT_PG_PORT ?? 54329);
  const port = (await portIsFree(wanted)) ? wanted : await freePort();
  log(`starting the embedded PostgreSQL in ${path.relative(root, dataDir) || dataDir}/postgres on port ${port}`);
  postgres = await startEmbeddedPostgres({ dir: path.join(dataDir, "postgres"), port, database: "blueprint", persistent: true });
  databaseUrl = postgres.url;
}

try {
  const { applied } = await migrate(databaseUrl);
  log(applied.length > 0 ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");
  if (postgres) {
    const { concepts } = await seed(databaseUrl);
    log(`seeded ${concepts} concepts`);
  }
} catch (error) {
  log(`could not prepare the database: ${(error as Error).message}`);
  await shutdown(1);
}

// Anonymous learners idle for 30 days go, now and once a day (lib/db/learner-cleanup.ts).
scheduleLearnerCleanup(databaseUrl, log);

const judgePort = Number(process.env.JUDGE_PORT ?? ((await portIsFree(3101)) ? 3101 : await freePort()));
const appPort = process.env.PORT ?? "3000";
const baseEnv = {
  ...process.env,
  ...secrets,
  DATABASE_URL: databaseUrl,
  JUDGE_URL: `http://127.0.0.1:${judgePort}`,
  JUDGE_PORT: String(judgePort),
  // Sign-in works whether the browser says localhost or 127.0.0.1 (Next.js gives route
  // handlers localhost as the request URL; better-auth refuses origins it does not trust).
  BETTER_AUTH_URL: process.env.BETTER_AUTH_URL ?? `http://localhost:${appPort}`,
  BLUEPRINT_TRUSTED_ORIGINS: process.env.BLUEPRINT_TRUSTED_ORIGINS ?? `http://localhost:${appPort},http://127.0.0.1:${appPort}`,
  // Nothing leaves this machine at run time: no telemetry either.
  NEXT_TELEMETRY_DISABLED: "1",
};

function startChild(name: string, command: string, args: string[], restart: boolean) {
  const child = spawn(command, args, { env: baseEnv, stdio: "inherit" });
  children.add(child);
  // Where operators (and the end-to-end test of the restart) find the running process.
  writeFileSync(path.join(dataDir, `${name}.pid`), String(child.pid ?? ""));
  const startedAt = Date.now();
  child.on("exit", (code, signal) => {
    children.delete(child);
    if (stopping) return;
    if (restart) {
      // A judge that crashes is restarted; one that crashes at once is restarted more slowly.
      const delay = Date.now() - startedAt < 5000 ? 2000 : 200;
      log(`${name} exited (${signal ?? code}); restarting in ${delay} ms`);
      setTimeout(() => !stopping && startChild(name, command, args, restart), delay);
    } else {
      log(`${name} exited (${signal ?? code})`);
      void shutdown(code ?? 1);
    }
  });
  return child;
}

startChild("judge", process.execPath, ["--no-node-snapshot", "--import", "tsx", path.join(root, "scripts/judge-server.ts")], true);
// Next.js behind scripts/serve-app.ts, which alone sees the socket's peer address (client-address limits).
startChild("next", process.execPath, ["--import", "tsx", path.join(root, "scripts/serve-app.ts"), mode, "--port", appPort], false);
log(`open http://localhost:${appPort}`);
