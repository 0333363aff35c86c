// npm run mutation [-- <challenge-id>...] [--changed] [--min-score 90] [--concurrency 2]
// Mutates each challenge's reference solution with StrykerJS's mutators and judges every
// mutant that type-checks with the hidden suite through the real judge. Prints the table,
// the surviving mutants, and writes reports/mutation/<time>.{json,md}.
// Exit 0 when every challenge scores at least --min-score, 1 when one does not,
// 2 on usage errors or when a suite fails its sanity check (reference passes, a
// hand-written mutant fails).
import { execFileSync } from "node:child_process";
import { listChallenges, loadChallenge, type Challenge } from "../lib/content/challenges";
import { JudgePool } from "./mutation/pool";
import { formatScore, formatSurvivors, formatTable, writeReport } from "./mutation/report";
import { runChallenge, SanityCheckError, type ChallengeResult } from "./mutation/run";

const USAGE = "usage: npm run mutation -- [<challenge-id>...] [--changed] [--min-score <percent>] [--concurrency <n>]";
/** What --changed checks when the last commit touched no challenge: two suites of different kinds, quick to run. */
const SAMPLE = ["rate-limiting/limiters", "checksum-crc/crc32"];
/** A commit that touches every challenge (a sweeping edit) would make --changed a full run of ~20 minutes: cap it. */
const MAX_CHANGED = 5;

function usage(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function numberOption(name: string, value: string | undefined, min: number, max: number): number {
  const parsed = Number(value);
  if (value === undefined || !Number.isFinite(parsed) || parsed < min || parsed > max) usage(`${name} takes a number from ${min} to ${max}`);
  return parsed;
}

/** Challenge ids whose files the last commit changed; null when git cannot tell (no parent commit). */
function changedInLastCommit(): string[] | null {
  try {
    const names = execFileSync("git", ["diff", "--name-only", "HEAD~1", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    const slugs = new Set<string>();
    for (const name of names.split("\n")) {
      const match = /^content\/concepts\/([^/]+)\/challenge\//.exec(name);
      if (match?.[1]) slugs.add(match[1]);
    }
    return listChallenges()
      .filter((challenge) => slugs.has(challenge.concept))
      .map((challenge) => challenge.id);
  } catch {
    return null;
  }
}

const args = process.argv.slice(2);
let minScore = 90;
let concurrency = 2;
let changed = false;
const ids: string[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i] ?? "";
  const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
  if (flag === "--min-score") minScore = numberOption(flag, inline ?? args[++i], 0, 100);
  else if (flag === "--concurrency") concurrency = Math.floor(numberOption(flag, inline ?? args[++i], 1, 16));
  else if (flag === "--changed") changed = true;
  else if (flag === "--help" || flag === "-h") usage("Mutation testing of the hidden suites.");
  else if (flag.startsWith("--")) usage(`unknown option ${flag}`);
  else ids.push(flag);
}

let challenges: Challenge[];
if (changed) {
  if (ids.length > 0) usage("--changed picks the challenges itself: give no ids with it");
  const fromGit = changedInLastCommit();
  const picked = fromGit && fromGit.length > 0 ? fromGit.slice(0, MAX_CHANGED) : SAMPLE;
  process.stdout.write(
    fromGit && fromGit.length > 0
      ? `challenges changed in the last commit: ${picked.join(", ")}\n`
      : `no challenge changed in the last commit; checking the sample: ${picked.join(", ")}\n`,
  );
  if (fromGit && fromGit.length > MAX_CHANGED) {
    process.stdout.write(`(${fromGit.length - MAX_CHANGED} more changed, not checked here: ${fromGit.slice(MAX_CHANGED).join(", ")}; run npm run mutation for them)\n`);
  }
  challenges = picked.map((id) => loadChallenge(id) ?? usage(`unknown challenge "${id}"`));
} else if (ids.length > 0) {
  challenges = ids.map((id) => loadChallenge(id) ?? usage(`unknown challenge "${id}"`));
} else {
  challenges = listChallenges();
}

const startedAt = new Date();
const results: ChallengeResult[] = [];
let sanityFailed = false;
const pool = new JudgePool(concurrency);
for (const challenge of challenges) {
  try {
    const result = await runChallenge(challenge, pool);
    results.push(result);
    const notes = [result.timeouts > 0 ? `${result.timeouts} by timeout` : "", result.crashes > 0 ? `${result.crashes} crashed the judge` : ""].filter(Boolean);
    const timeoutNote = notes.length > 0 ? ` (${notes.join(", ")})` : "";
    process.stdout.write(
      `${challenge.id}: ${result.killed + result.timeouts}${timeoutNote} killed / ${result.survived} survived / ${result.equivalent} equivalent / ${result.skipped} skipped of ${result.mutants}: ${formatScore(result.score)} in ${(result.durationMs / 1000).toFixed(1)} s\n`,
    );
    const survivors = formatSurvivors(result);
    if (survivors) process.stdout.write(`${survivors}\n`);
  } catch (error) {
    if (!(error instanceof SanityCheckError)) throw error;
    sanityFailed = true;
    process.stderr.write(`sanity check failed: ${error.message}\n`);
  }
}
pool.close();

const durationMs = Date.now() - startedAt.getTime();
process.stdout.write(`\n${formatTable(results)}\n`);
const below = results.filter((result) => result.score < minScore);
const reportFile = writeReport(process.cwd(), {
  command: ["npm run mutation --", ...args].join(" "),
  startedAt: startedAt.toISOString(),
  durationMs,
  concurrency,
  minScore,
  results,
});
process.stdout.write(`\n${results.length} challenges in ${(durationMs / 1000).toFixed(0)} s; report: ${reportFile}\n`);
if (below.length > 0) process.stdout.write(`below ${minScore}%: ${below.map((result) => `${result.id} ${formatScore(result.score)}`).join(", ")}\n`);
// exitCode, not process.exit(): exiting while isolated-vm's threads wind down can crash the process.
process.exitCode = sanityFailed ? 2 : below.length > 0 ? 1 : 0;
