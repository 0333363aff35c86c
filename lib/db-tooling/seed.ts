// Seeds what the database mirrors from content/: the concept catalog. Idempotent.
import pg from "pg";
import { listConcepts } from "../content/catalog";

export async function seed(databaseUrl: string): Promise<{ concepts: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {}); // a dropped connection fails the query in flight, which reports it
  await client.connect();
  try {
    const concepts = listConcepts();
    await client.query("BEGIN");
    for (const [index, concept] of concepts.entries()) {
      await client.query(
        `INSERT INTO "Concept" (slug, position, title, "group", "challengeId", available, "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, now())
         ON CONFLICT (slug) DO UPDATE SET position = EXCLUDED.position, title = EXCLUDED.title, "group" = EXCLUDED."group",
           "challengeId" = EXCLUDED."challengeId", available = EXCLUDED.available, "updatedAt" = now()`,
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
