import Link from "next/link";
import type { ProgressReport } from "@/lib/progress/progress";
import { ProgressBadge } from "./progress-badge";
import { STATE_BORDER } from "./state-style";

type Concept = ProgressReport["concepts"][number] & { blurb?: string };

/** The 20 concepts in the seed's order, each card coloured by the learner's state and labelled with its area. */
export function ConceptMap({ concepts, compact = false }: { concepts: Concept[]; compact?: boolean }) {
  return (
    <div data-testid="concept-map">
      <section aria-label="Concepts">
        <ol className={`grid gap-3 ${compact ? "sm:grid-cols-3 lg:grid-cols-4" : "sm:grid-cols-2 lg:grid-cols-3"}`} role="list">
          {concepts
            .map((concept) => {
              const number = concepts.indexOf(concept) + 1;
              const body = (
                <>
                  <div className="flex items-center justify-between gap-2">
                    <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{String(number).padStart(2, "0")}</span>
                    {concept.available ? (
                      <ProgressBadge state={concept.state} />
                    ) : (
                      <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600 dark:bg-slate-800 dark:text-slate-300">
                        Coming
                      </span>
                    )}
                  </div>
                  <h3 className="mt-2 font-semibold">{concept.title}</h3>
                  <p className="text-xs uppercase tracking-wider text-slate-500 dark:text-slate-400">{concept.group}</p>
                  {!compact && concept.blurb ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{concept.blurb}</p> : null}
                </>
              );
              return (
                <li key={concept.slug}>
                  {concept.available ? (
                    <Link
                      href={`/concepts/${concept.slug}`}
                      data-concept={concept.slug}
                      data-state={concept.state}
                      className={`block h-full rounded-xl border-2 p-4 transition hover:border-sky-400 hover:shadow-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:border-sky-600 ${STATE_BORDER[concept.state]}`}
                    >
                      {body}
                    </Link>
                  ) : (
                    <div
                      data-concept={concept.slug}
                      aria-disabled="true"
                      className="h-full rounded-xl border border-dashed border-slate-200 p-4 opacity-70 dark:border-slate-800"
                    >
                      {body}
                    </div>
                  )}
                </li>
              );
            })}
        </ol>
      </section>
    </div>
  );
}
