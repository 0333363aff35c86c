import "server-only";
import { db } from "./client";

export interface SeededConcept {
  slug: string;
  challengeId: string;
  available: boolean;
}

/** The concept catalog as seeded into the database (npm run db:seed), in curriculum order. */
export async function listSeededConcepts(): Promise<SeededConcept[]> {
  return db().concept.findMany({ select: { slug: true, challengeId: true, available: true }, orderBy: { position: "asc" } });
}
