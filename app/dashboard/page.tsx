import type { Metadata } from "next";
import Link from "next/link";
import { AccountActions } from "@/app/_components/dashboard/account-actions";
import { ConceptMap } from "@/app/_components/dashboard/concept-map";
import { StateLegend } from "@/app/_components/dashboard/progress-badge";
import { ReviewWidget } from "@/app/_components/review/review-widget";
import { findConcept } from "@/lib/content/catalog";
import { nextStep, progressReport, recentActivity } from "@/lib/progress/progress";
import { currentLearnerId, currentUser } from "@/lib/session/current-learner";
import { textLinkClass } from "@/app/_components/ui/nav-link";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  const [user, learnerId] = await Promise.all([currentUser(), currentLearnerId()]);
  const [report, recent] = await Promise.all([progressReport(learnerId), recentActivity(learnerId)]);
  const next = nextStep(report);
  const { totals } = report;

  return (
    <div className="mx-auto max-w-7xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">{user ? `${user.name}'s progress` : "Your progress"}</h1>
      {!user ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          You are learning without an account: your work lives on this browser.{" "}
          <Link href="/sign-up" className={textLinkClass}>
            Create an account
          </Link>{" "}
          to keep it everywhere.
        </p>
      ) : null}

      <dl className="mt-6 grid gap-3 sm:grid-cols-4" data-testid="totals">
        <Stat label="Overall" value={`${totals.percent}%`} testId="overall" />
        <Stat label="Challenges solved" value={`${totals.solved} of ${totals.available}`} testId="solved-count" />
        <Stat label="Quizzes done" value={String(totals.quizDone)} testId="quiz-count" />
        <Stat label="Streak" value={`${report.streakDays} day${report.streakDays === 1 ? "" : "s"}`} testId="streak" />
      </dl>
      <div className="mt-3 h-2 overflow-hidden rounded bg-slate-200 dark:bg-slate-800" role="progressbar" aria-valuenow={totals.percent} aria-valuemin={0} aria-valuemax={100} aria-label="Overall progress">
        <div className="h-full rounded bg-emerald-500" style={{ width: `${totals.percent}%` }} />
      </div>

      <div className="mt-8 grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <section aria-labelledby="map-title">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="map-title" className="text-xl font-semibold">
              Map
            </h2>
            <StateLegend />
          </div>
          <div className="mt-4">
            <ConceptMap concepts={report.concepts} compact />
          </div>
        </section>
        <div className="space-y-8">
          <ReviewWidget />
          <section aria-labelledby="next-title" className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
            <h2 id="next-title" className="text-lg font-semibold">
              What to do next
            </h2>
            {next ? (
              <p className="mt-2 text-sm">
                {next.action} in{" "}
                <Link href={`/concepts/${next.slug}`} className={textLinkClass} data-testid="next-step">
                  {next.title}
                </Link>
                .
              </p>
            ) : (
              <p className="mt-2 text-sm">Every available challenge is solved. Try a mock interview.</p>
            )}
          </section>
          <section aria-labelledby="recent-title">
            <h2 id="recent-title" className="text-lg font-semibold">
              Recent activity
            </h2>
            {recent.length === 0 ? (
              <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">Nothing yet. Run or submit a challenge and it shows here.</p>
            ) : (
              <ol className="mt-2 divide-y divide-slate-200 text-sm dark:divide-slate-800" data-testid="recent-activity">
                {recent.map((row) => {
                  const slug = row.challengeId.split("/")[0] ?? "";
                  return (
                    <li key={row.id} className="flex items-center justify-between gap-2 py-1.5">
                      <span>
                        <Link href={`/concepts/${slug}`} className="hover:underline">
                          {findConcept(slug)?.title ?? row.challengeId}
                        </Link>{" "}
                        <span className="text-slate-500 dark:text-slate-400">
                          {row.mode} · {row.verdict.replace("_", " ")}
                        </span>
                      </span>
                      <time dateTime={row.createdAt.toISOString()} className="text-xs text-slate-500 dark:text-slate-400">
                        {row.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                      </time>
                    </li>
                  );
                })}
              </ol>
            )}
          </section>
          <section aria-labelledby="data-title">
            <h2 id="data-title" className="text-lg font-semibold">
              Your data
            </h2>
            <div className="mt-2">
              <AccountActions signedIn={Boolean(user)} />
            </div>
          </section>
        </div>
      </div>
    </div>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <dt className="text-xs uppercase tracking-wider text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
