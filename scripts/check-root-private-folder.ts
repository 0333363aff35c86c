// `tsx scripts/check-root-private-folder.ts [data-folder]`: starts the embedded PostgreSQL the
// way `npm run dev` does (data in <data-folder>/postgres, default .data-check/ in this
// checkout), runs one query, stops it, and prints what happened. .ci/run runs it as root in a
// clone inside a mode-700 folder (issue 18); exit 0 started, 1 not (with the message a
// newcomer would see).
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { EmbeddedPostgresError, freePort, startEmbeddedPostgres } from "../lib/db-tooling/embedded-postgres";

const dataFolder = path.resolve(process.argv[2] ?? ".data-check");
const who = process.getuid?.() === 0 ? "root" : `uid ${process.getuid?.()}`;
const log = (line: string) => process.stdout.write(`[check] ${line}\n`);

try {
  const server = await startEmbeddedPostgres({
    dir: path.join(dataFolder, "postgres"),
    port: await freePort(),
    database: "blueprint",
    persistent: false,
    password: randomBytes(16).toString("hex"),
    log,
  });
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  const { rows } = await client.query<{ version: string }>("SELECT version()");
  await client.end();
  await server.stop();
  log(`ok: as ${who} in ${process.cwd()}, the embedded PostgreSQL started (data in ${server.dataDir}), answered and stopped: ${rows[0]?.version.split(" on ")[0]}`);
} catch (error) {
  if (!(error instanceof EmbeddedPostgresError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
} finally {
  rmSync(dataFolder, { recursive: true, force: true });
}
