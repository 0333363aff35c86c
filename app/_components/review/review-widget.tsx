"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import { reviewSummarySchema, type ReviewSummary } from "@/lib/review/contract";
import { textLinkClass } from "../ui/nav-link";
import { ErrorText } from "../ui/callout";

const dayFormat = new Intl.DateTimeFormat("en", { weekday: "short", timeZone: "UTC" });

/** Dashboard: cards due today and on each of the next 7 days, and retention per concept. */
export function ReviewWidget() {
  const [summary, setSummary] = useState<ReviewSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const offset = -new Date().getTimezoneOffset();
    apiFetch(`/api/review/summary?offset=${offset}`, { schema: reviewSummarySchema }).then(setSummary, (caught: Error) => setError(caught.message));
  }, []);

  const peak = Math.max(1, ...(summary?.nextDays.map((d) => d.count) ?? [1]));
  return (
    <section aria-labelledby="review-widget-title" className="rounded-xl border border-slate-200 p-4 dark:border-slate-800" data-testid="review-widget">
      <h2 id="review-widget-title" className="text-lg font-semibold">
        Review
      </h2>
      {error ? (
        <ErrorText className="mt-2">{error}</ErrorText>
      ) : !summary ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Loading…</p>
      ) : (
        <>
          <p className="mt-2 text-sm" data-testid="review-due-today">
            <strong>{summary.dueToday}</strong> card{summary.dueToday === 1 ? "" : "s"} due today
            {summary.dueNow > 0 ? ` (${summary.dueNow} now)` : ""}.{" "}
            <Link href="/review" className={textLinkClass}>
              {summary.dueNow > 0 ? "Review now" : "Open review"}
            </Link>
          </p>
          <table className="mt-3 w-full text-sm" data-testid="review-next-days">
            <caption className="sr-only">Cards due on each of the next 7 days</caption>
            <thead>
              <tr className="text-left text-slate-600 dark:text-slate-400">
                <th scope="col" className="font-medium">Day</th>
                <th scope="col" className="font-medium">Due</th>
              </tr>
            </thead>
            <tbody>
              {summary.nextDays.map((day, index) => (
                <tr key={day.date}>
                  <th scope="row" className="py-0.5 pr-2 text-left font-normal">
                    {index === 0 ? "Today" : dayFormat.format(new Date(`${day.date}T12:00:00Z`))}
                  </th>
                  <td className="w-full py-0.5">
                    <span className="flex items-center gap-2">
                      <span aria-hidden="true" className="h-2 rounded bg-sky-600 dark:bg-sky-400" style={{ width: `${(day.count / peak) * 70}%`, minWidth: day.count ? "0.25rem" : 0 }} />
                      {day.count}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3 className="mt-4 text-sm font-semibold">Retention today</h3>
          {summary.retention.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Grade a few cards and the estimate per concept shows here.</p>
          ) : (
            <ul className="mt-1 space-y-1 text-sm" data-testid="review-retention">
              {summary.retention.map((row) => (
                <li key={row.concept} className="flex justify-between gap-2">
                  <Link href={`/concepts/${row.concept}`} className={textLinkClass}>
                    {row.title}
                  </Link>
                  <span>
                    {Math.round(row.retention * 100)}% <span className="text-slate-600 dark:text-slate-400">({row.cards} card{row.cards === 1 ? "" : "s"})</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
