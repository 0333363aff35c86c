import Link from "next/link";
import { listConcepts } from "@/lib/content/catalog";

export const dynamic = "force-dynamic";

export default function HomePage() {
  const concepts = listConcepts();
  const groups = [...new Set(concepts.map((concept) => concept.group))];
  const available = concepts.filter((concept) => concept.available).length;

  return (
    <div className="mx-auto max-w-7xl px-4 py-10">
      <section className="max-w-3xl">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Learn system design by building it</h1>
        <p className="mt-4 text-lg text-slate-700 dark:text-slate-300">
          Twenty concepts that come up in every system-design interview. Each one is a short lesson with a model you can
          poke, and a TypeScript challenge you write in the browser and the server judges against hidden tests.
        </p>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          {available} of {concepts.length} concepts are ready; the rest are on their way.
        </p>
      </section>

      <div className="mt-10 space-y-10">
        {groups.map((group) => (
          <section key={group} aria-labelledby={`group-${group}`}>
            <h2 id={`group-${group}`} className="text-sm font-semibold uppercase tracking-wider text-slate-500 dark:text-slate-400">
              {group}
            </h2>
            <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3" role="list">
              {concepts
                .filter((concept) => concept.group === group)
                .map((concept) => {
                  const number = concepts.indexOf(concept) + 1;
                  const body = (
                    <>
                      <div className="flex items-center justify-between gap-2">
                        <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{String(number).padStart(2, "0")}</span>
                        {concept.available ? (
                          <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200">
                            Lesson + challenge
                          </span>
                        ) : (
                          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600 dark:bg-slate-800 dark:text-slate-300">
                            Coming
                          </span>
                        )}
                      </div>
                      <h3 className="mt-2 font-semibold">{concept.title}</h3>
                      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{concept.blurb}</p>
                    </>
                  );
                  return (
                    <li key={concept.slug}>
                      {concept.available ? (
                        <Link
                          href={`/concepts/${concept.slug}`}
                          data-concept={concept.slug}
                          className="block h-full rounded-xl border border-slate-200 p-4 transition hover:border-sky-400 hover:shadow-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-800 dark:hover:border-sky-600"
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
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
