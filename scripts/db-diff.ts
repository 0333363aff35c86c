// npm run db:diff -- <migration-name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that brings a
// database with every existing migration applied up to prisma/schema.prisma.
// Uses DATABASE_URL when set, else a throwaway embedded PostgreSQL.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, startEmbeddedPostgres } from "../lib/db-tooling/embedded-postgres";
import { migrate } from "../lib/db-tooling/migrate";
import { diffSchemas, isEmptyMigration } from "../lib/db-tooling/schema-diff";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  process.stderr.write("usage: npm run db:diff -- <migration_name> (lower case, digits, underscores)\n");
  process.exit(2);
}

let url = process.env.DATABASE_URL;
let cleanup = async () => {};
if (!url) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "blueprint-diff-"));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as its own user and must reach the folder
  const cluster = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), port: await freePort(), database: "diff", persistent: false });
  url = cluster.url;
  cleanup = async () => {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
try {
  await migrate(url);
  const sql = await diffSchemas({ kind: "database", url }, { kind: "schema" });
  if (isEmptyMigration(sql)) {
    process.stdout.write("The schema and the migrations agree: nothing to write.\n");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(process.cwd(), "prisma", "migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    process.stdout.write(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql. Read it before committing.\n`);
  }
} finally {
  await cleanup();
}
