"use client";

// The home page's concept map. The page is static; the learner's state per concept comes
// from GET /api/progress after it loads. Until then every card shows "Not started": the
// cards keep their size, only their colour changes when the states arrive.
import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import { progressStatesSchema, type ProgressStatesDto } from "@/lib/progress/lesson-contract";
import type { ProgressReport } from "@/lib/progress/progress";
import { ConceptMap } from "./concept-map";

type Concept = ProgressReport["concepts"][number] & { blurb?: string };

export function HomeConceptMap({ concepts }: { concepts: Concept[] }) {
  const [progress, setProgress] = useState<ProgressStatesDto | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    apiFetch("/api/progress", { schema: progressStatesSchema, signal: controller.signal }).then(setProgress, () => undefined);
    return () => controller.abort();
  }, []);
  const states = new Map(progress?.concepts.map((concept) => [concept.slug, concept.state]));
  const solved = progress?.totals.solved ?? 0;
  return (
    <>
      <p className="mt-2 min-h-5 text-sm text-slate-600 dark:text-slate-400" aria-live="polite" data-testid="home-solved">
        {solved > 0 ? `You have solved ${solved}.` : ""}
      </p>
      <div className="mt-8" data-progress={progress ? "ready" : "loading"}>
        <ConceptMap concepts={concepts.map((concept) => ({ ...concept, state: states.get(concept.slug) ?? concept.state }))} />
      </div>
    </>
  );
}
