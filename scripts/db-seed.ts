// npm run db:seed: mirror the concept catalog from content/ into DATABASE_URL.
import { seed } from "../lib/db-tooling/seed";

const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write("DATABASE_URL is not set. (npm run dev seeds its embedded PostgreSQL itself.)\n");
  process.exit(2);
}
const { concepts } = await seed(url);
process.stdout.write(`seeded ${concepts} concepts\n`);
