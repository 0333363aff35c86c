// `npm run dev` / `npm start`: everything the app needs, in one command.
//  - `npm start` without a production build stops at once and says to build.
//  - the ports first: a port asked for (PORT, BLUEPRINT_PG_PORT) that is taken
//    stops the start with the fix; a taken default gives way to a free port, said aloud.
//  - DATABASE_URL set: use that server and only migrate.
//  - DATABASE_URL unset: start an embedded PostgreSQL under .data/ (kept across restarts,
//    stopped cleanly on exit, its password generated into .data/secrets.json), migrate, seed.
//  - the judge queue's own schema (graphile-worker's migrations), then ONE judge worker
//    (scripts/judge-worker.ts: it takes jobs from PostgreSQL; its judge children get no
//    database URL), restarted if it dies, then Next.js; "ready" with the URL once the app answers.
//    More workers, on this machine or others: `npm run judge:worker` with the same DATABASE_URL.
// Every step that a Ctrl+C can cut short leaves .data/ as the next start can take it up.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort, LEGACY_PASSWORD, startEmbeddedPostgres, stopAllEmbeddedPostgres, type RunningPostgres } from "../lib/db-tooling/embedded-postgres";
import { migrate } from "../lib/db-tooling/migrate";
import { seed } from "../lib/db-tooling/seed";
import { scheduleLearnerCleanup } from "../lib/db/learner-cleanup";
import { migrateQueue } from "../lib/judge-queue/schema";
import { workerEnvironment } from "../lib/stack/child-env";
import { choosePort, type PortChoice } from "../lib/stack/ports";
import { loadLocalSecrets, type LocalSecrets } from "../lib/stack/secrets";

const mode = process.argv[2] === "start" ? "start" : "dev";
const command = mode === "start" ? "npm start" : "npm run dev";
const root = process.cwd();
const dataDir = path.resolve(process.env.BLUEPRINT_DATA_DIR ?? path.join(root, ".data"));
const log = (message: string) => process.stdout.write(`[blueprint] ${message}\n`);

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
  if (postgres) log("stopping the embedded PostgreSQL");
  // Also a PostgreSQL (or its initdb) still starting when the signal came.
  await (postgres?.stop() ?? Promise.resolve())
    .then(() => stopAllEmbeddedPostgres())
    .catch((error: unknown) => log(`could not stop PostgreSQL cleanly: ${String(error)}`));
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

/** Stops the start with a message a person can act on: one paragraph, no stack trace. */
async function fail(message: string): Promise<never> {
  // Stopping already (Ctrl+C): the step failed because its database went away; the exit is under way.
  if (stopping) return new Promise<never>(() => {});
  process.stderr.write(`[blueprint] ${message}\n`);
  await shutdown(1);
  throw new Error("unreachable: shutdown exits");
}

async function orFail<T>(work: () => Promise<T> | T, what?: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    return fail(what ? `${what}: ${(error as Error).message}` : (error as Error).message);
  }
}

const distDir = process.env.BLUEPRINT_DIST_DIR ?? ".next";
if (mode === "start" && !existsSync(path.join(root, distDir, "BUILD_ID"))) {
  await fail(`no production build in ${distDir}/: run npm run build first, then npm start`);
}

// Ports before anything starts, so a taken one costs nothing and leaves nothing behind.
const say = (choice: PortChoice) => {
  if (choice.note) log(choice.note);
  return choice.port;
};
const appPort = say(
  await orFail(() =>
    choosePort({
      what: "the app",
      variable: "PORT",
      requested: process.env.PORT,
      fallback: 3000,
      // In development any free port will do; production answers where it was told to.
      alternatives: mode === "dev" ? [3001, 3002, 3003, 3004, 3005, 3006, 3007, 3008, 3009] : [],
      command,
    }),
  ),
);
const embedded = !process.env.DATABASE_URL;
const postgresPort = embedded
  ? say(
      await orFail(async () =>
        choosePort({
          what: "the embedded PostgreSQL",
          variable: "BLUEPRINT_PG_PORT",
          requested: process.env.BLUEPRINT_PG_PORT,
          fallback: 54329,
          alternatives: [await freePort()],
          command,
        }),
      ),
    )
  : undefined;

mkdirSync(dataDir, { recursive: true });
const secretsFile = path.join(dataDir, "secrets.json");
const secrets = {
  SESSION_SECRET: process.env.SESSION_SECRET ?? "",
  JUDGE_SECRET: process.env.JUDGE_SECRET ?? "",
  BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? "",
};
let local: LocalSecrets | undefined;
if (embedded || !secrets.SESSION_SECRET || !secrets.JUDGE_SECRET || !secrets.BETTER_AUTH_SECRET) {
  if (mode === "start" && (!secrets.SESSION_SECRET || !secrets.JUDGE_SECRET || !secrets.BETTER_AUTH_SECRET)) {
    log(`SESSION_SECRET/JUDGE_SECRET/BETTER_AUTH_SECRET not set: using the ones generated in ${secretsFile}`);
  }
  local = (await orFail(() => loadLocalSecrets(dataDir))).secrets;
  secrets.SESSION_SECRET ||= local.SESSION_SECRET;
  secrets.JUDGE_SECRET ||= local.JUDGE_SECRET;
  secrets.BETTER_AUTH_SECRET ||= local.BETTER_AUTH_SECRET;
} else if (existsSync(secretsFile)) {
  chmodSync(secretsFile, 0o600); // only its owner may read it, whoever loosened it
}

let databaseUrl = process.env.DATABASE_URL ?? "";
if (embedded && local && postgresPort !== undefined) {
  log(`starting the embedded PostgreSQL in ${path.relative(root, dataDir) || dataDir}/postgres on port ${postgresPort}`);
  const password = local.EMBEDDED_POSTGRES_PASSWORD;
  postgres = await orFail(() =>
    startEmbeddedPostgres({
      dir: path.join(dataDir, "postgres"),
      port: postgresPort,
      database: "blueprint",
      persistent: true,
      password,
      legacyPasswords: [LEGACY_PASSWORD],
      log,
    }),
  );
  databaseUrl = postgres.url;
}

await orFail(async () => {
  const { applied } = await migrate(databaseUrl, undefined, { onApply: (name) => log(`migrating: ${name}`) });
  log(applied.length > 0 ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");
  // graphile-worker's tables, so the app can enqueue before the worker's own start gets there.
  await migrateQueue(databaseUrl);
  if (postgres) {
    log("seeding the concept catalog");
    const { concepts } = await seed(databaseUrl);
    log(`seeded ${concepts} concepts`);
  }
}, "could not prepare the database");

// Anonymous learners idle for 30 days go, now and once a day (lib/db/learner-cleanup.ts).
scheduleLearnerCleanup(databaseUrl, log);

const appEnv = {
  ...process.env,
  ...secrets,
  DATABASE_URL: databaseUrl,
  PORT: String(appPort),
  // Sign-in works whether the browser says localhost or 127.0.0.1 (Next.js gives route
  // handlers localhost as the request URL; better-auth refuses origins it does not trust).
  BETTER_AUTH_URL: process.env.BETTER_AUTH_URL ?? `http://localhost:${appPort}`,
  BLUEPRINT_TRUSTED_ORIGINS: process.env.BLUEPRINT_TRUSTED_ORIGINS ?? `http://localhost:${appPort},http://127.0.0.1:${appPort}`,
  // Nothing leaves this machine at run time: no telemetry either.
  NEXT_TELEMETRY_DISABLED: "1",
};
// The worker needs the database (the queue) but none of the app's secrets; the children that
// run learner code get not even that (lib/judge/pool.ts).
const workerEnv = workerEnvironment(process.env, { DATABASE_URL: databaseUrl });

function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, restart: boolean) {
  const child = spawn(command, args, { env, stdio: "inherit" });
  children.add(child);
  // Where operators (and the end-to-end test of the restart) find the running process.
  writeFileSync(path.join(dataDir, `${name}.pid`), String(child.pid ?? ""));
  const startedAt = Date.now();
  child.on("exit", (code, signal) => {
    children.delete(child);
    if (stopping) return;
    if (restart) {
      // A worker that crashes is restarted; one that crashes at once is restarted more slowly.
      const delay = Date.now() - startedAt < 5000 ? 2000 : 200;
      log(`${name} exited (${signal ?? code}); restarting in ${delay} ms`);
      setTimeout(() => !stopping && startChild(name, command, args, env, restart), delay);
    } else {
      log(`${name} exited (${signal ?? code})`);
      void shutdown(code ?? 1);
    }
  });
  return child;
}

startChild("judge-worker", process.execPath, ["--no-node-snapshot", "--import", "tsx", path.join(root, "scripts/judge-worker.ts")], workerEnv, true);
// Next.js behind scripts/serve-app.ts, which alone sees the socket's peer address (client-address limits).
startChild("next", process.execPath, ["--import", "tsx", path.join(root, "scripts/serve-app.ts"), mode, "--port", String(appPort)], appEnv, false);
log(`starting Next.js on port ${appPort}; the address follows when it answers`);

/** Says "ready" with a link once the app answers its health check (and what is down, if anything). */
async function announceReady() {
  const health = `http://127.0.0.1:${appPort}/api/health`;
  // The worker starts beside Next.js: a few answers of "no judge worker" are expected before its first beat.
  for (let attempt = 0; !stopping; attempt += 1) {
    try {
      // Development compiles the route on this first request: give it time.
      const response = await fetch(health, { signal: AbortSignal.timeout(120_000) });
      const body = (await response.json().catch(() => ({}))) as { message?: string };
      if (response.ok || attempt >= 120) {
        log(`ready: http://localhost:${appPort}${response.ok ? "" : ` (but ${body.message ?? `health answered ${response.status}`})`}`);
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
void announceReady();
