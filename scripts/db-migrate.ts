// npm run db:migrate: apply prisma/migrations to DATABASE_URL (what `npm start` does before it serves).
import { migrate } from "../lib/db-tooling/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write("DATABASE_URL is not set. (npm run dev and npm start migrate their embedded PostgreSQL themselves.)\n");
  process.exit(2);
}
const { applied } = await migrate(url);
process.stdout.write(applied.length > 0 ? `applied: ${applied.join(", ")}\n` : "nothing to apply: the schema is up to date\n");
