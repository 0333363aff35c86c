// A cluster on one machine, on loopback: PostgreSQL (embedded in the data folder, or
// DATABASE_URL), N app servers (scripts/serve-app.ts on a production build, one port each),
// M judge workers (scripts/judge-worker.ts, on the PostgreSQL queue), and HAProxy in front (config generated into the data folder). Used by
// `npm run cluster`, `npm run bench:load` and the fault tests in tests/cluster/.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, stopAllEmbeddedPostgres, type RunningPostgres } from "../db-tooling/embedded-postgres";
import { migrate } from "../db-tooling/migrate";
import { seed } from "../db-tooling/seed";
import { migrateQueue } from "../judge-queue/schema";
import { workerEnvironment } from "../stack/child-env";
import { loadLocalSecrets } from "../stack/secrets";
import { HAPROXY_DEFAULTS, haproxyConfig } from "./haproxy-config";
import { showStat, type ServerStat } from "./haproxy-stats";
import { Supervisor } from "./supervisor";

/** A failure a person can act on (no build, no HAProxy, a port taken): printed as it is, no stack. */
export class ClusterError extends Error {
  override name = "ClusterError";
}

export interface ClusterOptions {
  root: string;
  /** Holds secrets.json, postgres/, haproxy.cfg, haproxy.sock. */
  dataDir: string;
  apps: number;
  workers: number;
  /** Judge runs each worker takes at once (JUDGE_CONCURRENCY). */
  workerConcurrency: number;
  /** HAProxy's port; app servers on the ports after it, PostgreSQL at +50. */
  frontPort: number;
  /** An existing PostgreSQL; otherwise an embedded one is started in the data folder. */
  databaseUrl?: string;
  distDir?: string;
  /** Added to every app server's environment (the load bench's limits, say). */
  appEnv?: Record<string, string>;
  /** Restart apps and workers that die (the script); tests restart them themselves. */
  restart?: boolean;
  checkIntervalMs?: number;
  log?: (line: string) => void;
  print?: (name: string, line: string) => void;
}

export interface Cluster {
  url: string;
  appUrls: string[];
  appNames: string[];
  workerNames: string[];
  databaseUrl: string;
  statsSocket: string;
  healthPath: string;
  supervisor: Supervisor;
  /** HAProxy's view of the app servers. */
  appStats(): Promise<ServerStat[]>;
  /** Resolves once every app answers its health path and HAProxy has them all UP. */
  waitUntilReady(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * HAProxy's check: the cheap liveness route (200 while the process serves). Not /api/health,
 * which also asks the database and the queue: an app server is no better out of rotation
 * when the database it shares with the others is down.
 */
export const HEALTH_PATH = "/api/health/live";

/** Debian's HAProxy: on PATH, or in /usr/sbin (not on a non-root user's PATH); undefined when not installed. */
export function haproxyBinary(): string | undefined {
  for (const candidate of ["haproxy", "/usr/sbin/haproxy"]) {
    if (spawnSync(candidate, ["-v"], { stdio: "ignore" }).status === 0) return candidate;
  }
  return undefined;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it is true: a wait on a condition (a port answering), bounded, never a fixed sleep. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await wait(everyMs);
  }
  throw new Error(`${what}: not so after ${timeoutMs} ms`);
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const log = options.log ?? (() => {});
  const root = options.root;
  const distDir = options.distDir ?? process.env.BLUEPRINT_DIST_DIR ?? ".next";
  if (options.apps < 1 || options.workers < 1) throw new ClusterError("--apps and --workers must be at least 1");
  if (!existsSync(path.join(root, distDir, "BUILD_ID"))) {
    throw new ClusterError(`no production build in ${distDir}/: run npm run build first (or set BLUEPRINT_DIST_DIR to the build's folder)`);
  }
  const haproxy = haproxyBinary();
  if (!haproxy) {
    throw new ClusterError("HAProxy is not installed (the load balancer of the cluster): apt-get install -y haproxy, then try again");
  }

  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const { secrets } = loadLocalSecrets(dataDir);
  // Every app server signs and reads the same cookies: one set of secrets, the environment's when set.
  const shared = {
    SESSION_SECRET: process.env.SESSION_SECRET || secrets.SESSION_SECRET,
    BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET || secrets.BETTER_AUTH_SECRET,
    JUDGE_SECRET: process.env.JUDGE_SECRET || secrets.JUDGE_SECRET,
  };

  const front = options.frontPort;
  const appPorts = Array.from({ length: options.apps }, (_, i) => front + 1 + i);
  const pgPort = front + 50;
  const statsSocket = path.join(dataDir, "haproxy.sock");
  const healthPath = HEALTH_PATH;

  const supervisor = new Supervisor(options.print);
  let postgres: RunningPostgres | undefined;
  const stop = async () => {
    await supervisor.stopAll();
    await postgres?.stop();
    await stopAllEmbeddedPostgres();
  };

  try {
    let databaseUrl = options.databaseUrl ?? "";
    if (!databaseUrl) {
      log(`starting PostgreSQL in ${path.join(dataDir, "postgres")} on port ${pgPort}`);
      postgres = await startEmbeddedPostgres({
        dir: path.join(dataDir, "postgres"),
        port: pgPort,
        database: "blueprint",
        persistent: true,
        password: secrets.EMBEDDED_POSTGRES_PASSWORD,
        log,
      });
      databaseUrl = postgres.url;
    }
    const { applied } = await migrate(databaseUrl);
    log(applied.length > 0 ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");
    // The queue library's own tables too, before any app can enqueue (workers also run this).
    await migrateQueue(databaseUrl);
    await seed(databaseUrl);

    const node = process.execPath;
    const workerNames: string[] = [];
    for (let i = 0; i < options.workers; i++) {
      const name = `worker${i + 1}`;
      workerNames.push(name);
      // A worker needs the database and its limits, never the app's session or auth secrets.
      // The same allow-list as npm start's worker: the database and JUDGE_* settings, none of the app's secrets.
      const env: NodeJS.ProcessEnv = { ...workerEnvironment(process.env, { DATABASE_URL: databaseUrl }), JUDGE_CONCURRENCY: String(options.workerConcurrency) };
      supervisor.start({ name, command: node, args: ["--no-node-snapshot", "--import", "tsx", path.join(root, "scripts/judge-worker.ts")], env, restart: options.restart });
    }

    const url = `http://localhost:${front}`;
    const origins = [front, ...appPorts].flatMap((port) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`]);
    const appNames = appPorts.map((_, i) => `app${i + 1}`);
    for (const [i, port] of appPorts.entries()) {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        ...shared,
        DATABASE_URL: databaseUrl,
        BLUEPRINT_DIST_DIR: distDir,
        PORT: String(port),
        // Auth's links and cookies name the front door, not the server that happened to answer.
        BETTER_AUTH_URL: process.env.BETTER_AUTH_URL ?? url,
        BLUEPRINT_TRUSTED_ORIGINS: process.env.BLUEPRINT_TRUSTED_ORIGINS ?? origins.join(","),
        // HAProxy connects from loopback and adds X-Forwarded-For: the learner's address survives it.
        BLUEPRINT_TRUSTED_PROXIES: "127.0.0.1",
        NEXT_TELEMETRY_DISABLED: "1",
        ...options.appEnv,
      };
      supervisor.start({ name: appNames[i]!, command: node, args: ["--import", "tsx", path.join(root, "scripts/serve-app.ts"), "start", "--port", String(port)], env, restart: options.restart });
    }

    const configFile = path.join(dataDir, "haproxy.cfg");
    writeFileSync(
      configFile,
      haproxyConfig({
        frontPort: front,
        apps: appPorts.map((port, i) => ({ name: appNames[i]!, port })),
        healthPath,
        statsSocket,
        checkIntervalMs: options.checkIntervalMs ?? HAPROXY_DEFAULTS.checkIntervalMs,
      }),
    );
    const check = spawnSync(haproxy, ["-c", "-q", "-f", configFile], { encoding: "utf8" });
    if (check.status !== 0) throw new ClusterError(`HAProxy refused ${configFile}: ${check.stderr || check.stdout}`);
    // -db: in the foreground, its state changes ("Server apps/app1 is DOWN") on stderr as lines.
    supervisor.start({ name: "haproxy", command: haproxy, args: ["-db", "-f", configFile], env: process.env });
    log(`HAProxy on ${url} -> ${appPorts.map((port) => `:${port}`).join(" ")} (health check GET ${healthPath}), ${options.workers} judge worker${options.workers === 1 ? "" : "s"} on the queue`);

    const appStats = async () => (await showStat(statsSocket)).filter((entry) => entry.proxy === "apps");
    const waitUntilReady = async (timeoutMs = 240_000) => {
      for (const name of ["haproxy", ...appNames]) if (!supervisor.isRunning(name)) throw new ClusterError(`${name} is not running`);
      try {
        await until(
          "every app server up behind HAProxy",
          async () => {
            const stats = await appStats();
            return stats.length === appNames.length && stats.every((entry) => entry.status === "UP");
          },
          timeoutMs,
          200,
        );
      } catch (error) {
        const tails = ["haproxy", ...appNames, ...workerNames].map((name) => `--- ${name} (${supervisor.isRunning(name) ? "running" : "not running"}):\n${supervisor.recentLines(name).join("\n")}`);
        throw new ClusterError(`${(error as Error).message}\n${tails.join("\n")}`);
      }
    };

    return {
      url,
      appUrls: appPorts.map((port) => `http://127.0.0.1:${port}`),
      appNames,
      workerNames,
      databaseUrl,
      statsSocket,
      healthPath,
      supervisor,
      appStats,
      waitUntilReady,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
