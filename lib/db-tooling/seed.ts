// Seeds what the database mirrors from content/: the concept catalog, so progress can be
// queried in SQL beside the titles and order, and readiness can tell a stale mirror
// (lib/db/health-report.ts). Idempotent.
import pg from "pg";
import { listConcepts } from "../content/catalog";

export async function seed(databaseUrl: string): Promise<{ concepts: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {}); // a dropped connection fails the query in flight, which reports it
  await client.connect();
  try {
    const concepts = listConcepts();
    await client.query("BEGIN");
    // Replaced whole: a concept removed from content/ leaves no row, and a reordering cannot
    // collide with the unique positions of rows not yet moved.
    await client.query(`DELETE FROM "Concept"`);
    for (const [index, concept] of concepts.entries()) {
      await client.query(
        `INSERT INTO "Concept" (slug, position, title, "group", "challengeId", available, "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, now())`,
        [concept.slug, index + 1, concept.title, concept.group, concept.challenge, concept.available],
      );
    }
    await client.query("COMMIT");
    return { concepts: concepts.length };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
