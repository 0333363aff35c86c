// graphile-worker's own tables live in the graphile_worker schema and are migrated by the
// library itself (prisma/migrations holds only ours). start-stack and the tests call this
// after lib/db-tooling/migrate.ts; a worker also does it when it starts.
import { runMigrations } from "graphile-worker";
import { quietLogger } from "./worker-logger";

export async function migrateQueue(databaseUrl: string): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: quietLogger });
}
