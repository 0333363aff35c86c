// Each test file gets a database of its own on the shared test cluster.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { migrate } from "../../lib/db-tooling/migrate";

export async function createDatabase(options: { migrated: boolean }): Promise<string> {
  const admin = inject("adminDatabaseUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = admin.replace(/\/[^/]+$/, `/${name}`);
  if (options.migrated) await migrate(url);
  return url;
}

/** The app's configuration for code under test that reads lib/env. */
export function useAppEnv(databaseUrl: string): void {
  process.env.DATABASE_URL = databaseUrl;
  process.env.SESSION_SECRET = "integration-session-secret-0123456789abcdef";
  process.env.JUDGE_SECRET = "integration-judge-secret-0123456789abcdef";
}
