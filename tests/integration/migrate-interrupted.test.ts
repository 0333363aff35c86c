// The migration runner after a start that was stopped half-way (issue 18: an interrupted
// first `npm run dev` must leave a database the next start recovers by itself).
import { createHash } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { migrate, type MigrationFile } from "../../lib/db-tooling/migrate";
import { createDatabase } from "./database";

const migration = (name: string, sql: string): MigrationFile => ({ name, sql, checksum: createHash("sha256").update(sql).digest("hex") });
const first = migration("20260101000000_first", `CREATE TABLE "First" (id int PRIMARY KEY);`);
const second = migration("20260101000001_second", `CREATE TABLE "Second" (id int PRIMARY KEY);`);

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
const recorded = (url: string) =>
  withClient(url, async (client) => (await client.query(`SELECT migration_name, finished_at IS NOT NULL AS done FROM "_prisma_migrations" ORDER BY migration_name`)).rows);
const tables = (url: string) =>
  withClient(url, async (client) => (await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`)).rows.map((row: { tablename: string }) => row.tablename));

describe("migrations after an interrupted start", () => {
  it("a connection that dies mid-migration (the process stopped) leaves neither the record nor the SQL, and the next run applies it", async () => {
    const url = await createDatabase({ migrated: false });
    // The server ends this session in the middle of the migration's transaction, as a killed start would.
    const dying = migration(second.name, `CREATE TABLE "Second" (id int PRIMARY KEY); SELECT pg_terminate_backend(pg_backend_pid());`);
    await expect(migrate(url, [first, dying])).rejects.toThrow(`migration ${second.name} failed: terminating connection due to administrator command`);
    expect(await recorded(url)).toEqual([{ migration_name: first.name, done: true }]);
    expect(await tables(url)).toEqual(["First"]);

    expect((await migrate(url, [first, second])).applied).toEqual([second.name]);
    expect(await recorded(url)).toEqual([
      { migration_name: first.name, done: true },
      { migration_name: second.name, done: true },
    ]);
    expect(await tables(url)).toEqual(["First", "Second"]);
  });

  it("an unfinished record without logs, left by the older runner, is cleared and the migration applied", async () => {
    const url = await createDatabase({ migrated: false });
    await migrate(url, [first]);
    await withClient(url, (client) =>
      client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('00000000-0000-4000-8000-000000000000', $1, $2)`, [
        second.checksum,
        second.name,
      ]),
    );
    expect((await migrate(url, [first, second])).applied).toEqual([second.name]);
    expect(await tables(url)).toEqual(["First", "Second"]);
  });

  it("a migration that fails is recorded with its error, nothing of it stays, and the next run refuses until it is resolved", async () => {
    const url = await createDatabase({ migrated: false });
    const broken = migration(second.name, `CREATE TABLE "Second" (id int PRIMARY KEY); SELECT * FROM "NoSuchTable";`);
    await expect(migrate(url, [first, broken])).rejects.toThrow(`migration ${second.name} failed: relation "NoSuchTable" does not exist`);
    expect(await tables(url)).toEqual(["First"]);
    const logs = await withClient(url, async (client) => (await client.query(`SELECT logs FROM "_prisma_migrations" WHERE migration_name = $1`, [second.name])).rows);
    expect(logs).toEqual([{ logs: 'relation "NoSuchTable" does not exist' }]);
    await expect(migrate(url, [first, second])).rejects.toThrow(`migration ${second.name} failed earlier and was not resolved`);
  });
});
