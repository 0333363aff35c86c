// The verdict of a design check (docs/design-check.md, "The checks"): every check in order,
// each marked Passed or Failed in words and by a symbol (never by colour alone), a failed
// check's message and the lesson that fixes it, and each stream's p99 against its budget.
import Link from "next/link";
import { findConcept } from "@/lib/content/catalog";
import type { CheckId } from "@/lib/design/catalog";
import type { DesignVerdict } from "@/lib/design/check";
import { formatMs } from "@/lib/design/format";

export const CHECK_TITLES: Record<CheckId, string> = {
  structure: "Structure: every request reaches a store",
  capacity: "Capacity: every component under 100% at peak",
  headroom: "Headroom: every component at most 80% at peak",
  latency: "Latency: every stream within its p99 budget",
  redundancy: "Redundancy: no single instance or copy",
  failover: "Failover: losing any one instance still carries the peak",
  storage: "Storage: the data fits",
  async: "Asynchronous work passes a queue",
};

export function DesignVerdictView({ verdict, budgets, testId }: { verdict: DesignVerdict; budgets: Record<string, number>; testId?: string }) {
  const failed = verdict.checks.filter((check) => check.status === "failed").length;
  return (
    <div data-testid={testId} data-verdict={verdict.verdict}>
      <p className="font-semibold">
        {verdict.verdict === "passed" ? (
          <span className="text-emerald-800 dark:text-emerald-300">
            <span aria-hidden="true">✓ </span>Design passed all {verdict.checks.length} checks.
          </span>
        ) : (
          <span className="text-rose-800 dark:text-rose-300">
            <span aria-hidden="true">✗ </span>Design failed {failed} of {verdict.checks.length} checks.
          </span>
        )}
      </p>
      <ul className="mt-3 space-y-2 text-sm">
        {verdict.checks.map((check) => {
          const concept = check.concept ? findConcept(check.concept) : undefined;
          const passed = check.status === "passed";
          return (
            <li key={check.id} data-check={check.id} data-status={check.status} className="rounded-md border border-slate-200 p-2 dark:border-slate-800">
              <p>
                <span
                  className={`mr-2 inline-block rounded px-1.5 py-0.5 text-xs font-semibold ${passed ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100" : "bg-rose-100 text-rose-900 dark:bg-rose-900/60 dark:text-rose-100"}`}
                >
                  <span aria-hidden="true">{passed ? "✓ " : "✗ "}</span>
                  {passed ? "Passed" : "Failed"}
                </span>
                <span className="font-medium">{CHECK_TITLES[check.id]}</span>
              </p>
              {check.message ? <p className="mt-1 text-slate-700 dark:text-slate-300">{check.message}</p> : null}
              {concept ? (
                <p className="mt-1">
                  <Link href={`/concepts/${concept.slug}`} className="text-sky-700 underline hover:no-underline dark:text-sky-300">
                    Read the {concept.title} lesson
                  </Link>
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {verdict.streams.length > 0 ? (
        <table className="mt-4 w-full text-left text-sm">
          <caption className="text-left text-xs text-slate-600 dark:text-slate-400">p99 per stream at peak, against its budget</caption>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-800">
              <th scope="col" className="py-1 pr-3 font-semibold">Stream</th>
              <th scope="col" className="py-1 pr-3 font-semibold">p99</th>
              <th scope="col" className="py-1 font-semibold">Budget</th>
            </tr>
          </thead>
          <tbody>
            {verdict.streams.map((stream) => (
              <tr key={stream.name} className="border-b border-slate-100 dark:border-slate-900">
                <td className="py-1 pr-3">{stream.name}</td>
                <td className="py-1 pr-3 tabular-nums">{formatMs(stream.p99Ms)}</td>
                <td className="py-1 tabular-nums">{budgets[stream.name] === undefined ? "" : formatMs(budgets[stream.name]!)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
