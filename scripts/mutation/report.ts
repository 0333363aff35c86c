// The mutation run's table for the terminal and its report under reports/mutation/.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ChallengeResult } from "./run";

const COLUMNS = ["challenge", "mutants", "compiled", "skipped", "killed", "timeouts", "survived", "equivalent", "score"] as const;

export function formatScore(score: number): string {
  // Floor, so 89.96% never prints as a passing 90.0%.
  return `${(Math.floor(score * 10) / 10).toFixed(1)}%`;
}

function row(result: ChallengeResult): string[] {
  return [
    result.id,
    String(result.mutants),
    String(result.compiled),
    String(result.skipped),
    String(result.killed),
    String(result.timeouts),
    String(result.survived),
    String(result.equivalent),
    formatScore(result.score),
  ];
}

function totals(results: ChallengeResult[]): string[] {
  const sum = (pick: (result: ChallengeResult) => number) => results.reduce((total, result) => total + pick(result), 0);
  const scored = sum((r) => r.compiled - r.equivalent);
  const killed = sum((r) => r.killed + r.timeouts);
  return [
    "total",
    String(sum((r) => r.mutants)),
    String(sum((r) => r.compiled)),
    String(sum((r) => r.skipped)),
    String(sum((r) => r.killed)),
    String(sum((r) => r.timeouts)),
    String(sum((r) => r.survived)),
    String(sum((r) => r.equivalent)),
    formatScore(scored === 0 ? 100 : (100 * killed) / scored),
  ];
}

export function formatTable(results: ChallengeResult[]): string {
  const rows = [[...COLUMNS], ...results.map(row), ...(results.length > 1 ? [totals(results)] : [])];
  const widths = COLUMNS.map((_, column) => Math.max(...rows.map((cells) => (cells[column] ?? "").length)));
  return rows
    .map((cells) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  "))
    .join("\n");
}

export function formatMarkdownTable(results: ChallengeResult[]): string {
  const rows = [...results.map(row), ...(results.length > 1 ? [totals(results)] : [])];
  return [`| ${COLUMNS.join(" | ")} |`, `| ${COLUMNS.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`, ...rows.map((cells) => `| ${cells.join(" | ")} |`)].join("\n");
}

/** The surviving mutants of a challenge, each with the key equivalent-mutants.md would use. */
export function formatSurvivors(result: ChallengeResult): string {
  const lines = result.results
    .filter((mutant) => mutant.status === "survived")
    .map((mutant) => `  survived  line ${mutant.line}:${mutant.column}  \`\` ${mutant.key} \`\``);
  for (const mutant of result.results.filter((m) => m.crashed)) {
    lines.push(`  crashed the judge's process (a judge bug: the mutant's source is in the JSON report)  line ${mutant.line}:${mutant.column}  \`\` ${mutant.key} \`\``);
  }
  for (const key of result.staleEquivalents) lines.push(`  stale equivalent-mutants.md entry (no surviving mutant has this key): \`\` ${key} \`\``);
  return lines.join("\n");
}

export interface RunSummary {
  command: string;
  startedAt: string;
  durationMs: number;
  concurrency: number;
  minScore: number;
  results: ChallengeResult[];
}

/** Writes reports/mutation/<stamp>.json (every mutant) and .md (the table and the survivors); returns the .md path. */
export function writeReport(root: string, summary: RunSummary): string {
  const dir = path.join(root, "reports", "mutation");
  mkdirSync(dir, { recursive: true });
  const stamp = summary.startedAt.replace(/[:.]/g, "-");
  writeFileSync(path.join(dir, `${stamp}.json`), `${JSON.stringify(summary, null, 2)}\n`);
  const survivors = summary.results
    .filter((result) => result.survived > 0 || result.crashes > 0 || result.staleEquivalents.length > 0)
    .map((result) => `### ${result.id}\n\n${formatSurvivors(result)}\n`);
  const markdown = [
    `# Mutation run ${summary.startedAt}`,
    "",
    `\`${summary.command}\`: ${(summary.durationMs / 1000).toFixed(0)} s at concurrency ${summary.concurrency}; minimum score ${summary.minScore}%.`,
    "Score: killed (timeouts included) / (compiled - equivalent). Skipped mutants do not type-check against the challenge's types.",
    "",
    formatMarkdownTable(summary.results),
    "",
    ...(survivors.length > 0 ? ["## Surviving mutants", "", ...survivors] : []),
  ].join("\n");
  const file = path.join(dir, `${stamp}.md`);
  writeFileSync(file, markdown);
  return file;
}
