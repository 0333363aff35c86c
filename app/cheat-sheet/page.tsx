import type { Metadata } from "next";
import Link from "next/link";
import { DecisionTree } from "@/app/_components/reference/decision-tree";
import { listConcepts } from "@/lib/content/catalog";
import { loadCheatSheet } from "@/lib/content/reference";
import { CALCULATORS } from "@/lib/interview/worksheet";
import { textLinkClass } from "@/app/_components/ui/nav-link";

export const metadata: Metadata = { title: "Cheat sheet", description: "The decision tree, performance and cost tables, common mistakes and formulas, on two printed pages." };

// Paper: small type, two columns, the interactive tree swapped for its outline, nothing but the sheet.
const PRINT_CSS = `
@media print {
  @page { size: A4; margin: 9mm; }
  html, body { background: #fff !important; color: #000 !important; }
  .cheat { font-size: 7.4pt; line-height: 1.22; max-width: none !important; padding: 0 !important; }
  .cheat :is(.text-xs, .text-sm, .text-lg, .text-xl, .text-3xl) { font-size: inherit !important; }
  .cheat h1[class] { font-size: 13pt !important; margin: 0 !important; }
  .cheat h2[class] { font-size: 9pt !important; margin: 4pt 0 2pt !important; }
  .cheat .font-mono { font-size: 0.92em !important; }
  .cheat p, .cheat li { margin: 0 !important; }
  .cheat section { margin: 0 !important; break-inside: auto; }
  .cheat table { font-size: 6.9pt; }
  .cheat th, .cheat td { padding: 1pt 3pt !important; }
  .cheat-cols { columns: 2; column-gap: 6mm; }
  .cheat-cols > *, .cheat-cols li { break-inside: avoid; }
  .cheat a { color: inherit !important; text-decoration: none !important; }
  .cheat-intro { display: none !important; }
}
`;

const STATUS_LABEL = { "rule-of-thumb": "Rule of thumb", corrected: "Corrected" } as const;

export default function CheatSheetPage() {
  const sheet = loadCheatSheet();
  const concepts = listConcepts();
  const titles = Object.fromEntries(concepts.map((c) => [c.slug, c.title]));
  const calculators = new Set(CALCULATORS.map((c) => c.id));
  const link = (slug: string) => (
    <Link href={`/concepts/${slug}`} className={textLinkClass}>
      {titles[slug] ?? slug}
    </Link>
  );
  const tree = sheet.decisionTree;
  const th = "border-b border-slate-300 px-2 py-1 text-left font-semibold dark:border-slate-700";
  const td = "border-b border-slate-200 px-2 py-1 align-top dark:border-slate-800";

  return (
    <div className="cheat mx-auto max-w-6xl px-4 py-8">
      <style dangerouslySetInnerHTML={{ __html: PRINT_CSS }} />
      <h1 className="text-3xl font-bold tracking-tight">System design cheat sheet</h1>
      <p className="cheat-intro mt-2 max-w-3xl text-slate-700 dark:text-slate-300">
        The night-before summary. Figures marked <em>rule of thumb</em> hold only under the stated conditions; those marked{" "}
        <em>corrected</em> were wrong as commonly quoted, and the fix is beside them. It prints on two pages.
      </p>

      <section id="decision-tree" aria-labelledby="tree-title" className="mt-8 scroll-mt-20">
        <h2 id="tree-title" className="text-xl font-semibold">Decision tree</h2>
        <div className="mt-3">
          <DecisionTree tree={tree} titles={titles} />
        </div>
        <div className="cheat-cols hidden print:block">
          {tree.nodes.map((node) => (
            <div key={node.id}>
              <p className="font-semibold">{node.question}</p>
              <ul className="pl-3">
                {node.answers.map((answer) => (
                  <li key={answer.label}>
                    {answer.label}:{" "}
                    {"next" in answer ? `see "${tree.nodes.find((n) => n.id === answer.next)?.question}"` : answer.concepts.map((c) => titles[c] ?? c).join(", ")}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </section>

      <section id="performance" aria-labelledby="perf-title" className="mt-8 scroll-mt-20">
        <h2 id="perf-title" className="text-xl font-semibold">Performance impact (the seed&apos;s figures, checked)</h2>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full min-w-[40rem] text-sm">
            <thead>
              <tr>
                <th className={th}>Concept</th>
                <th className={th}>Latency</th>
                <th className={th}>Throughput</th>
                <th className={th}>Apply when</th>
                <th className={th}>Status and correction</th>
              </tr>
            </thead>
            <tbody>
              {sheet.performance.rows.map((row) => (
                <tr key={row.concept}>
                  <td className={td}>{link(row.concept)}</td>
                  <td className={td}>{row.latency}</td>
                  <td className={td}>{row.throughput}</td>
                  <td className={td}>{row.applyWhen}</td>
                  <td className={td}>
                    <span
                      data-status={row.status}
                      className={`mr-1 rounded px-1 text-xs font-semibold ${row.status === "corrected" ? "bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-200" : "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200"}`}
                    >
                      {STATUS_LABEL[row.status]}
                    </span>
                    {row.correction}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section id="cost-benefit" aria-labelledby="cost-title" className="mt-8 scroll-mt-20">
        <h2 id="cost-title" className="text-xl font-semibold">Cost and benefit, easiest wins first</h2>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full min-w-[36rem] text-sm">
            <thead>
              <tr>
                <th className={th}>Effort</th>
                <th className={th}>Concept</th>
                <th className={th}>Commonly claimed</th>
                <th className={th}>Correction</th>
              </tr>
            </thead>
            <tbody>
              {(["easy", "medium", "hard"] as const).flatMap((tier) =>
                sheet.costBenefit.rows
                  .filter((row) => row.tier === tier)
                  .map((row) => (
                    <tr key={row.concept}>
                      <td className={td}>{tier}</td>
                      <td className={td}>{link(row.concept)}</td>
                      <td className={td}>{row.seedClaim}</td>
                      <td className={td}>{row.correction ?? "Fair as stated."}</td>
                    </tr>
                  )),
              )}
            </tbody>
          </table>
        </div>
      </section>

      <div className="cheat-cols mt-8 grid gap-8 md:grid-cols-2 print:block">
        <section id="mistakes" aria-labelledby="mistakes-title" className="scroll-mt-20">
          <h2 id="mistakes-title" className="text-xl font-semibold">Common mistakes</h2>
          <ul className="mt-2 space-y-2">
            {sheet.mistakes.map((mistake) => (
              <li key={mistake.title}>
                <p className="font-semibold">{mistake.title}</p>
                <ul className="list-disc pl-5 text-slate-700 dark:text-slate-300">
                  {mistake.points.map((point) => (
                    <li key={point}>{point}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
        <section id="strategy" aria-labelledby="strategy-title" className="scroll-mt-20">
          <h2 id="strategy-title" className="text-xl font-semibold">Interview strategy (45 minutes)</h2>
          <ol className="mt-2 list-decimal space-y-1 pl-5">
            {sheet.strategy.map((step) => (
              <li key={step.phase}>
                <span className="font-semibold">
                  {step.phase}, {step.minutes} min:
                </span>{" "}
                {step.points}
              </li>
            ))}
          </ol>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400" data-no-print>
            Rehearse it against the clock in a{" "}
            <Link href="/interviews" className={textLinkClass}>
              mock interview
            </Link>
            .
          </p>
        </section>
      </div>

      <section id="formulas" aria-labelledby="formulas-title" className="mt-8 scroll-mt-20">
        <h2 id="formulas-title" className="text-xl font-semibold">Key formulas</h2>
        <ul className="cheat-cols mt-3 grid gap-3 md:grid-cols-2 print:block">
          {sheet.formulas.map((formula) => (
            <li key={formula.id} id={`formula-${formula.id}`} className="scroll-mt-20 rounded-lg border border-slate-200 p-3 text-sm print:border-0 print:p-0 dark:border-slate-800">
              <p className="font-semibold">
                {formula.name} ({link(formula.concept)})
              </p>
              <p className="mt-1 font-mono text-[0.85em]">{formula.formula}</p>
              {formula.seed ? <p className="text-slate-500 dark:text-slate-400">Seed: <span className="font-mono">{formula.seed}</span></p> : null}
              <p className="text-slate-700 dark:text-slate-300">
                {formula.note}
                {formula.worksheet && calculators.has(formula.worksheet) ? (
                  <span data-no-print>
                    {" "}
                    <Link href="/interviews" className={textLinkClass}>
                      Try it in the worksheet
                    </Link>
                    .
                  </span>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
