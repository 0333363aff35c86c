import type { Metadata } from "next";
import { DrillRunner } from "@/app/_components/drill/drill-runner";
import { listConcepts } from "@/lib/content/catalog";
import { drillHistory, openPublicRound } from "@/lib/drill/service";
import { currentLearnerId } from "@/lib/session/current-learner";

export const metadata: Metadata = { title: "Decision drill", description: "Pick the concept that fits each scenario: rounds of 10, scored." };

// Per learner (open round, history): rendered on each request.
export const dynamic = "force-dynamic";

export default async function DrillPage() {
  const learnerId = await currentLearnerId();
  const [round, history] = await Promise.all([openPublicRound(learnerId), drillHistory(learnerId)]);
  const concepts = listConcepts().map(({ slug, title }) => ({ slug, title }));
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <h1 className="text-3xl font-bold tracking-tight">Decision drill</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Read a scenario, pick the one concept of the twenty that answers it, and see why. Ten per round; the scenarios you
        miss come back first next time.
      </p>
      <DrillRunner concepts={concepts} initialRound={round} initialHistory={history} />
    </div>
  );
}
