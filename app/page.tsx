import { HomeConceptMap } from "@/app/_components/dashboard/home-concept-map";
import { StateLegend } from "@/app/_components/dashboard/progress-badge";
import { listConcepts } from "@/lib/content/catalog";
import { progressReport } from "@/lib/progress/progress";

// Static (docs/decisions/015): the catalog is rendered at build, the learner's progress
// arrives from GET /api/progress after the page.
export default async function HomePage() {
  const catalog = listConcepts();
  // No learner at build time: every concept "not started", in catalog order.
  const report = await progressReport(null);
  const blurbs = new Map(catalog.map((concept) => [concept.slug, concept.blurb]));
  const concepts = report.concepts.map((concept) => ({ ...concept, blurb: blurbs.get(concept.slug) }));

  return (
    <div className="mx-auto max-w-7xl px-4 py-10">
      <section className="max-w-3xl">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Learn system design by building it</h1>
        <p className="mt-4 text-lg text-slate-700 dark:text-slate-300">
          Twenty concepts that come up in every system-design interview. Each one is a short lesson with a model you can
          poke, and a TypeScript challenge you write in the browser and the server judges against hidden tests.
        </p>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          {report.totals.available === report.totals.concepts
            ? `All ${report.totals.concepts} concepts are ready, in the order the seed teaches them.`
            : `${report.totals.available} of ${report.totals.concepts} concepts are ready; the rest are on their way.`}
        </p>
        <div className="mt-4">
          <StateLegend />
        </div>
      </section>
      <HomeConceptMap concepts={concepts} />
    </div>
  );
}
