import type { Verdict } from "@/lib/judge/verdict";
import { calloutToneClass, type CalloutTone } from "../ui/callout";

const HEADLINES: Record<Verdict["verdict"], { text: string; tone: CalloutTone }> = {
  passed: { text: "Passed", tone: "success" },
  failed: { text: "Some tests failed", tone: "error" },
  compile_error: { text: "Does not compile", tone: "warning" },
  runtime_error: { text: "Runtime error", tone: "error" },
  timeout: { text: "Time limit exceeded", tone: "warning" },
  memory_limit: { text: "Memory limit exceeded", tone: "warning" },
};

export function verdictSummary(verdict: Verdict): string {
  const what = verdict.mode === "run" ? "Example tests" : "Hidden tests";
  const head = HEADLINES[verdict.verdict].text;
  return verdict.total > 0 ? `${what}: ${head}. ${verdict.passed} of ${verdict.total} passed.` : `${what}: ${head}.`;
}

export function VerdictView({ verdict, onJump }: { verdict: Verdict; onJump(line: number): void }) {
  const headline = HEADLINES[verdict.verdict];
  return (
    <section aria-label="Result" data-verdict={verdict.verdict} className="space-y-3">
      <div className={`rounded-lg border px-4 py-3 ${calloutToneClass(headline.tone)}`}>
        <p className="font-semibold">
          {verdict.mode === "run" ? "Run" : "Submit"}: {headline.text}
          {verdict.total > 0 ? (
            <span className="ml-2 font-normal">
              {verdict.passed}/{verdict.total} tests passed
            </span>
          ) : null}
        </p>
        <p className="text-xs opacity-80">Judged on the server in {verdict.durationMs} ms</p>
        {(verdict as { strict?: boolean }).strict === true ? (
          <p className="mt-1 text-sm" data-testid="strict-verdict">
            Strict mode: which hidden tests failed, and why, is not shown (as in a real interview). A review card asks you to find them.
          </p>
        ) : null}
      </div>

      {verdict.diagnostics && verdict.diagnostics.length > 0 ? (
        <ul className="space-y-1 text-sm" aria-label="Problems">
          {verdict.diagnostics.map((diagnostic, index) => (
            <li key={index}>
              <button
                type="button"
                onClick={() => onJump(diagnostic.line)}
                className="text-left font-mono text-rose-800 underline decoration-dotted hover:decoration-solid dark:text-rose-200"
              >
                Line {diagnostic.line}, column {diagnostic.column}: {diagnostic.message}
              </button>
            </li>
          ))}
        </ul>
      ) : null}

      {verdict.tests.length > 0 ? (
        <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 text-sm dark:divide-slate-800 dark:border-slate-800" aria-label="Tests">
          {verdict.tests.map((test) => (
            <li key={test.name} className="px-3 py-2" data-test-status={test.status}>
              <div className="flex items-start gap-2">
                <span
                  aria-hidden="true"
                  className={test.status === "passed" ? "text-emerald-600 dark:text-emerald-400" : "text-rose-600 dark:text-rose-400"}
                >
                  {test.status === "passed" ? "✓" : "✗"}
                </span>
                <span className="sr-only">{test.status === "passed" ? "Passed:" : "Failed:"}</span>
                <span className="flex-1">{test.name}</span>
                <span className="text-xs text-slate-500">{test.durationMs} ms</span>
              </div>
              {test.message ? (
                <p className="ml-6 mt-1 whitespace-pre-wrap break-words font-mono text-xs text-rose-800 dark:text-rose-300">{test.message}</p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}

      {verdict.logs ? (
        <details open className="rounded-lg border border-slate-200 dark:border-slate-800">
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium">Console output</summary>
          <pre className="max-h-60 overflow-auto whitespace-pre-wrap break-words px-3 pb-3 font-mono text-xs">{verdict.logs}</pre>
        </details>
      ) : null}
    </section>
  );
}
