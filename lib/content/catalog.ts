import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseOrThrow } from "./errors";
import { memoInProduction } from "./memo";
import { conceptDir, contentRoot } from "./paths";
import { catalogSchema, type CatalogEntry } from "./schemas";

export interface ConceptSummary extends CatalogEntry {
  /** A lesson and a challenge exist for it (the others show as coming). */
  available: boolean;
}

/** The 20 concepts in curriculum order, each marked available when its lesson exists. */
export function listConcepts(): ConceptSummary[] {
  return memoInProduction("catalog", readCatalog);
}

function readCatalog(): ConceptSummary[] {
  const file = path.join(contentRoot(), "concepts", "catalog.json");
  const catalog = parseOrThrow(catalogSchema, JSON.parse(readFileSync(file, "utf8")), file);
  return catalog.concepts.map((concept) => ({
    ...concept,
    available:
      existsSync(path.join(conceptDir(concept.slug), "lesson.mdx")) &&
      existsSync(path.join(conceptDir(concept.slug), "challenge", "meta.json")),
  }));
}

export function findConcept(slug: string): ConceptSummary | undefined {
  return listConcepts().find((concept) => concept.slug === slug);
}
