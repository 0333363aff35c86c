import type { Metadata } from "next";
import { DrillLoader } from "@/app/_components/drill/drill-loader";
import { listConcepts } from "@/lib/content/catalog";

export const metadata: Metadata = { title: "Decision drill", description: "Pick the concept that fits each scenario: rounds of 10, scored." };

// Static (docs/decisions/015): the learner's open round and history load after the page.
export default function DrillPage() {
  const concepts = listConcepts().map(({ slug, title }) => ({ slug, title }));
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <h1 className="text-3xl font-bold tracking-tight">Decision drill</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Read a scenario, pick the one concept of the twenty that answers it, and see why. Ten per round; the scenarios you
        miss come back first next time.
      </p>
      <DrillLoader concepts={concepts} />
    </div>
  );
}
