// Applies prisma/migrations/*/migration.sql in order and records each the way
// `prisma migrate deploy` does (_prisma_migrations, sha256 checksums), so the two
// agree on a machine where Prisma's CLI can run (docs/decisions/002).
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const LOCK_KEY = 727_274_001; // any constant: one migrator at a time per database

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = path.join(process.cwd(), "prisma", "migrations")): MigrationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export async function migrate(
  databaseUrl: string,
  migrations = readMigrations(),
  options: { onApply?: (name: string) => void } = {},
): Promise<{ applied: string[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  // A connection that drops also fails the query in flight, which says so; unheard, the
  // client's 'error' event would crash the process instead.
  client.on("error", () => {});
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    // A row left unfinished and without logs by a runner older than the one below, which was
    // stopped (Ctrl+C on a first start) between recording the migration and committing it: its
    // SQL ran in a transaction that never committed, so nothing of it is in the database.
    await client.query(
      `DELETE FROM "_prisma_migrations" WHERE finished_at IS NULL AND logs IS NULL AND rolled_back_at IS NULL AND applied_steps_count = 0`,
    );
    const rows = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const failed = rows.rows.find((row) => row.finished_at === null);
    if (failed) {
      throw new Error(
        `migration ${failed.migration_name} failed earlier and was not resolved; fix the database, then mark it rolled back in _prisma_migrations`,
      );
    }
    const done = new Map(rows.rows.map((row) => [row.migration_name, row.checksum]));
    for (const migration of migrations) {
      const recorded = done.get(migration.name);
      if (recorded !== undefined) {
        if (recorded !== migration.checksum) {
          throw new Error(`migration ${migration.name} was changed after it was applied (checksum differs); add a new migration instead`);
        }
        continue;
      }
      const id = randomUUID();
      options.onApply?.(migration.name);
      // The record and the SQL commit together: a start stopped half-way leaves neither.
      try {
        await client.query("BEGIN");
        await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ($1, $2, $3)`, [
          id,
          migration.checksum,
          migration.name,
        ]);
        await client.query(migration.sql);
        await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
        await client.query("COMMIT");
      } catch (error) {
        // On a connection that is gone these fail too; the migration's own error is the one to report.
        await client.query("ROLLBACK").catch(() => {});
        // A migration that fails is recorded as failed, as Prisma does, so it is not retried blindly.
        await client
          .query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs) VALUES ($1, $2, $3, $4)`, [
            id,
            migration.checksum,
            migration.name,
            String((error as Error).message),
          ])
          .catch(() => {});
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => {});
    await client.end();
  }
  return { applied };
}
