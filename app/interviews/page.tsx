import type { Metadata } from "next";
import Link from "next/link";
import { OverrunChart } from "@/app/_components/interview/overrun-chart";
import { StartInterviewButton } from "@/app/_components/interview/start-interview-button";
import { listConcepts } from "@/lib/content/catalog";
import { listInterviewPrompts, loadInterviewPrompt } from "@/lib/content/interviews";
import { listInterviews } from "@/lib/db/interviews";
import { myBoardCheckSummaries } from "@/lib/design-board/service";
import { DEFAULT_PHASES, formatClock, viewTimer } from "@/lib/interview/timer";
import { rubricPercent } from "@/lib/interview/view";
import { serverNow } from "@/lib/interview/clock";
import { currentLearnerId } from "@/lib/session/current-learner";

// Per learner (history): rendered on each request.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Mock interviews",
  description: "Timed mock system design interviews: clarify, design, deep dive and scale against the clock, then score yourself.",
};

const DIFFICULTY_STYLE: Record<string, string> = {
  easy: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200",
  medium: "bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-200",
  hard: "bg-rose-100 text-rose-800 dark:bg-rose-900/50 dark:text-rose-200",
};

export default async function InterviewsPage() {
  const prompts = listInterviewPrompts();
  const titles = new Map(listConcepts().map((concept) => [concept.slug, concept.title]));
  const learnerId = await currentLearnerId();
  const now = serverNow();
  const interviews = learnerId ? await listInterviews(learnerId) : [];
  const designChecks = await myBoardCheckSummaries(learnerId, interviews.map((interview) => interview.id));
  const history = interviews.map((interview) => {
    const prompt = loadInterviewPrompt(interview.prompt);
    const timer = viewTimer(interview.timer, now);
    return {
      id: interview.id,
      title: prompt?.title ?? interview.prompt,
      date: interview.createdAt.toISOString().slice(0, 10),
      status: timer.status,
      percent: rubricPercent(interview.rubricScores, prompt?.rubric.length ?? 0),
      overrunMs: timer.phases.reduce((sum, phase) => sum + phase.overrunMs, 0),
      phases: timer.phases,
      design: designChecks.get(interview.id) ?? null,
    };
  });
  const finished = history.filter((row) => row.status === "finished").slice(0, 12).reverse();
  const phaseNames = finished[0]?.phases.map((phase) => phase.name) ?? DEFAULT_PHASES.map((phase) => phase.name);

  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">Mock design interviews</h1>
      <p className="mt-3 max-w-3xl text-slate-700 dark:text-slate-300">
        Pick a prompt and work through it against the clock: clarify requirements, sketch the high-level design, go deep on two or
        three parts, then find the bottlenecks. Your notes save as you type. At the end you score yourself against a rubric, see
        which concepts you used, and read a worked reference answer.
      </p>

      <section aria-labelledby="prompts" className="mt-10">
        <h2 id="prompts" className="text-xl font-semibold">
          Prompts
        </h2>
        <ul className="mt-4 grid gap-4 md:grid-cols-2" role="list" data-testid="prompts">
          {prompts.map((prompt) => (
            <li key={prompt.slug} data-prompt={prompt.slug} className="flex flex-col rounded-xl border border-slate-200 p-4 dark:border-slate-800">
              <div className="flex items-start justify-between gap-3">
                <h3 className="font-semibold">{prompt.title}</h3>
                <span className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ${DIFFICULTY_STYLE[prompt.difficulty] ?? ""}`}>{prompt.difficulty}</span>
              </div>
              <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{prompt.brief}</p>
              <p className="sr-only">Concepts:</p>
              <ul className="mt-3 flex flex-wrap gap-1.5" aria-label="Concepts it exercises">
                {prompt.concepts.map((slug) => (
                  <li key={slug} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300">
                    {titles.get(slug) ?? slug}
                  </li>
                ))}
              </ul>
              <div className="mt-4 flex flex-wrap items-center gap-3 pt-1">
                <StartInterviewButton prompt={prompt.slug} title={prompt.title} />
                <Link
                  href={`/interviews/practice/${prompt.slug}`}
                  className="text-sm text-sky-700 underline hover:no-underline dark:text-sky-300"
                  aria-label={`Practice this prompt: ${prompt.title}, untimed, on the design board`}
                >
                  Practice this prompt (untimed board)
                </Link>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="history" className="mt-12">
        <h2 id="history" className="text-xl font-semibold">
          Your interviews
        </h2>
        {history.length === 0 ? (
          <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">None yet. Your past interviews, scores and overruns will show here.</p>
        ) : (
          <>
            <div className="mt-4 overflow-x-auto">
              <table className="w-full min-w-[32rem] text-left text-sm" data-testid="history">
                <thead className="border-b border-slate-200 text-xs uppercase tracking-wider text-slate-500 dark:border-slate-800 dark:text-slate-400">
                  <tr>
                    <th scope="col" className="py-2 pr-3">Prompt</th>
                    <th scope="col" className="py-2 pr-3">Started</th>
                    <th scope="col" className="py-2 pr-3">Status</th>
                    <th scope="col" className="py-2 pr-3">Self-score</th>
                    <th scope="col" className="py-2 pr-3">Design check</th>
                    <th scope="col" className="py-2">Over plan</th>
                  </tr>
                </thead>
                <tbody>
                  {history.map((row) => (
                    <tr key={row.id} className="border-b border-slate-100 dark:border-slate-900">
                      <td className="py-2 pr-3">
                        <Link href={`/interviews/${row.id}`} className="font-medium text-sky-700 hover:underline dark:text-sky-300">
                          {row.title}
                        </Link>
                      </td>
                      <td className="py-2 pr-3 tabular-nums">{row.date}</td>
                      <td className="py-2 pr-3">{row.status}</td>
                      <td className="py-2 pr-3 tabular-nums">{row.percent === null ? "not scored" : `${row.percent}%`}</td>
                      <td className="py-2 pr-3" data-testid="history-design" data-status={row.design?.status ?? "none"}>
                        {row.design === null ? "not checked" : row.design.status === "passed" ? "passed" : `failed: ${row.design.failed.join(", ")}`}
                        {row.design?.stale ? " (board changed since)" : ""}
                      </td>
                      <td className="py-2 tabular-nums">{row.overrunMs > 0 ? formatClock(-row.overrunMs) : "on time"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {finished.length > 0 ? (
              <div className="mt-8">
                <h3 className="font-semibold">Minutes over plan per phase, across finished attempts</h3>
                <div className="mt-3">
                  <OverrunChart attempts={finished.map((row, index) => ({ label: `#${index + 1}`, overrunMs: row.phases.map((phase) => phase.overrunMs) }))} phaseNames={phaseNames} />
                </div>
              </div>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}
