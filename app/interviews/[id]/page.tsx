import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BoardView } from "@/app/_components/design/board-view";
import { BoardSection } from "@/app/_components/design-board/board-section";
import { DesignReview } from "@/app/_components/design/design-review";
import { InterviewRun } from "@/app/_components/interview/interview-run";
import { PhaseTimeChart } from "@/app/_components/interview/phase-time-chart";
import { RubricForm } from "@/app/_components/interview/rubric-form";
import { Callout } from "@/app/_components/lesson/callout";
import { Figure } from "@/app/_components/lesson/figure";
import { textLinkClass } from "@/app/_components/ui/nav-link";
import { findConcept, listConcepts } from "@/lib/content/catalog";
import { renderInterviewReference } from "@/lib/content/interview-render";
import { loadConceptKeywords, loadInterviewBoards, loadInterviewPrompt } from "@/lib/content/interviews";
import { getMyBoard } from "@/lib/design-board/service";
import { getInterview } from "@/lib/db/interviews";
import { uuidSchema } from "@/lib/http/ids";
import { coverageReport } from "@/lib/interview/coverage";
import { interviewView } from "@/lib/interview/view";
import { serverNow } from "@/lib/interview/clock";
import { currentLearnerId } from "@/lib/session/current-learner";

// The learner's own interview, with the server's clock: never cached.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Mock interview" };

/** The reference answer's sections sit under this page's own h2. */
function ReferenceHeading(props: React.ComponentProps<"h3">) {
  return <h3 {...props} />;
}

function ConceptLinks({ slugs, testId }: { slugs: string[]; testId: string }) {
  if (slugs.length === 0) return <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">None.</p>;
  return (
    <ul className="mt-2 flex flex-wrap gap-2" data-testid={testId}>
      {slugs.map((slug) => {
        const concept = findConcept(slug);
        return (
          <li key={slug}>
            <Link
              href={`/concepts/${slug}`}
              className="inline-block rounded-md border border-slate-300 px-2 py-1 text-sm text-sky-700 hover:border-sky-500 hover:underline dark:border-slate-700 dark:text-sky-300"
            >
              {concept?.title ?? slug}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

export default async function InterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!uuidSchema.safeParse(id).success) notFound();
  const learnerId = await currentLearnerId();
  const interview = learnerId ? await getInterview(learnerId, id) : null;
  if (!interview) notFound();
  const prompt = loadInterviewPrompt(interview.prompt);
  if (!prompt) notFound();
  const view = interviewView(interview, serverNow());
  const finished = view.status === "finished";
  const titles = new Map(listConcepts().map((concept) => [concept.slug, concept.title]));

  // Only once the interview has ended does the page carry the rubric and the reference answer.
  const Reference = finished ? await renderInterviewReference(prompt.slug) : undefined;
  const designBoard = finished && learnerId && prompt.design ? await getMyBoard({ learnerId, id }) : null;
  const referenceBoard = finished && prompt.design ? loadInterviewBoards(prompt.slug)?.reference.board : undefined;
  const coverage = finished ? coverageReport(view.notes.map((note) => note.text), prompt.concepts, loadConceptKeywords()) : null;

  return (
    <div className="mx-auto max-w-7xl px-4 py-8">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500 dark:text-slate-400">
        <Link href="/interviews" className={textLinkClass}>
          Mock interviews
        </Link>{" "}
        / {prompt.difficulty}
      </nav>
      <h1 className="mt-2 text-2xl font-bold tracking-tight sm:text-3xl">{prompt.title}</h1>

      <section aria-labelledby="brief" className="mt-4 grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div>
          <h2 id="brief" className="sr-only">
            Brief
          </h2>
          <p className="text-slate-800 dark:text-slate-200" data-testid="brief">
            {prompt.brief}
          </p>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            Concepts worth reaching for: {prompt.concepts.map((slug) => titles.get(slug) ?? slug).join(", ")}.
          </p>
        </div>
        <div className="rounded-xl bg-slate-50 p-3 dark:bg-slate-900">
          <h2 className="text-sm font-semibold">Scale to clarify</h2>
          <dl className="mt-2 space-y-1 text-sm" data-testid="scale">
            {prompt.scale.map((item) => (
              <div key={item.label}>
                <dt className="inline text-slate-600 dark:text-slate-400">{item.label}: </dt>
                <dd className="inline font-medium">{item.value}</dd>
              </div>
            ))}
          </dl>
        </div>
      </section>

      <div className="mt-6">
        <InterviewRun initial={view} />
      </div>

      {prompt.design ? (
        <div className="mt-6" data-testid="interview-board">
          <BoardSection home={{ kind: "interview", interviewId: view.id }} prompt={prompt.slug} workload={prompt.design} readOnly={finished} />
        </div>
      ) : null}

      {finished ? (
        <div className="mt-12 space-y-12">
          <section aria-labelledby="rubric-title">
            <h2 id="rubric-title" className="text-xl font-semibold">
              Score yourself
            </h2>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">For each point: did your answer cover it fully, partly, or not at all?</p>
            <div className={designBoard && prompt.design ? "mt-4 grid gap-8 lg:grid-cols-2" : "mt-4"}>
              <RubricForm interviewId={view.id} points={prompt.rubric} initial={view.rubricScores} />
              {designBoard && prompt.design ? (
                <section aria-labelledby="design-check-title" data-testid="design-review">
                  <h3 id="design-check-title" className="text-lg font-semibold">
                    Your design, checked against the peak traffic
                  </h3>
                  <div className="mt-2">
                    <DesignReview interviewId={view.id} board={designBoard} workload={prompt.design} />
                  </div>
                </section>
              ) : null}
            </div>
          </section>

          {coverage ? (
            <section aria-labelledby="coverage-title" data-testid="coverage">
              <h2 id="coverage-title" className="text-xl font-semibold">
                Concepts in your notes
              </h2>
              <h3 className="mt-4 text-sm font-semibold">You used ({coverage.used.length} of {prompt.concepts.length})</h3>
              <ConceptLinks slugs={coverage.used.map((match) => match.slug)} testId="coverage-used" />
              <h3 className="mt-4 text-sm font-semibold">A strong answer also uses</h3>
              <ConceptLinks slugs={coverage.missed} testId="coverage-missed" />
              {coverage.extra.length > 0 ? (
                <>
                  <h3 className="mt-4 text-sm font-semibold">You also mentioned</h3>
                  <ConceptLinks slugs={coverage.extra.map((match) => match.slug)} testId="coverage-extra" />
                </>
              ) : null}
            </section>
          ) : null}

          <section aria-labelledby="time-title">
            <h2 id="time-title" className="text-xl font-semibold">
              Time per phase against the plan
            </h2>
            <div className="mt-4">
              <PhaseTimeChart phases={view.phases} />
            </div>
          </section>

          {Reference ? (
            <section aria-labelledby="reference-title" data-testid="reference">
              <h2 id="reference-title" className="text-xl font-semibold">
                A reference answer
              </h2>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">One strong answer among several; compare the reasoning, not the wording.</p>
              <div className={referenceBoard ? "mt-4 grid gap-8 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" : undefined}>
                <div className="prose-lesson mt-4 max-w-3xl">
                  <Reference components={{ Callout, Figure, h2: ReferenceHeading }} />
                </div>
                {referenceBoard ? (
                  <section aria-labelledby="reference-board-title" className="mt-4">
                    <h3 id="reference-board-title" className="text-lg font-semibold">
                      The reference board
                    </h3>
                    <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">A design that passes every check of this prompt&apos;s peak traffic.</p>
                    <div className="mt-2">
                      <BoardView board={referenceBoard} title="The reference board" testId="reference-board" />
                    </div>
                  </section>
                ) : null}
              </div>
            </section>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
