/** An interview follow-up: the question shows, the answer waits until the learner has tried. */
export function FollowUp({ question, children }: { question: string; children: React.ReactNode }) {
  return (
    <details className="group my-3 rounded-lg border border-slate-200 px-4 py-3 dark:border-slate-800">
      <summary className="cursor-pointer list-none font-medium marker:hidden">
        <span aria-hidden="true" className="mr-2 inline-block text-slate-400 transition group-open:rotate-90">
          ▸
        </span>
        {question}
      </summary>
      <div className="mt-2 text-slate-700 dark:text-slate-300 [&>p:last-child]:mb-0">{children}</div>
    </details>
  );
}
