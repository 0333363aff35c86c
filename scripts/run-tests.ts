// npm test: every check the project has, in the order that fails fastest.
//   typecheck -> lint -> vitest (unit, content + judge, integration on a real
//   PostgreSQL) -> next build -> cluster (the fault tests in tests/cluster: HAProxy,
//   app servers on that build, judge workers) -> Playwright end to end in Chromium.
// Prints one closing line "tests: N passed, N failed" over vitest (both steps) and Playwright.
//   npm test -- vitest e2e            only those steps (an unknown name is an error)
//   npm test -- vitest -- <args>      extra arguments for the chosen steps' runners
// A vitest or Playwright step that ran no test fails: a filter that matches nothing
// or a runner that found no files is a broken run, not a green one.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
// Not test-results/: Playwright empties that folder when it starts.
const results = path.resolve(root, process.env.BLUEPRINT_TEST_REPORTS ?? "test-reports");
const cli = process.argv.slice(2);
const separator = cli.indexOf("--");
const only = separator >= 0 ? cli.slice(0, separator) : cli; // e.g. `npm test -- vitest` runs just that step
const extraArgs = separator >= 0 ? cli.slice(separator + 1) : [];

interface Step {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
}

const steps: Step[] = [
  { name: "typecheck", command: bin("tsc"), args: ["--noEmit", "-p", "tsconfig.json"] },
  { name: "lint", command: bin("eslint"), args: ["--max-warnings", "0", "."] },
  {
    name: "vitest",
    command: bin("vitest"),
    // Every project but the cluster's, which needs the build and runs after it.
    args: ["run", "--project", "!cluster", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(results, "vitest.json")}`],
  },
  { name: "build", command: bin("next"), args: ["build"], env: { NEXT_TELEMETRY_DISABLED: "1" } },
  {
    name: "cluster",
    command: bin("vitest"),
    args: ["run", "--project", "cluster", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(results, "cluster.json")}`],
  },
  { name: "e2e", command: bin("playwright"), args: ["test"] },
];

function counts(file: string, read: (json: Record<string, unknown>) => [number, number]): [number, number] {
  if (!existsSync(file)) return [0, 0];
  try {
    return read(JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>);
  } catch {
    return [0, 0];
  }
}
function vitestCounts(file = "vitest.json"): [number, number] {
  return counts(path.join(results, file), (json) => [Number(json.numPassedTests ?? 0), Number(json.numFailedTests ?? 0)]);
}
function e2eCounts(): [number, number] {
  return counts(path.join(results, "e2e.json"), (json) => {
    const stats = json.stats as { expected?: number; unexpected?: number; flaky?: number } | undefined;
    return [Number(stats?.expected ?? 0) + Number(stats?.flaky ?? 0), Number(stats?.unexpected ?? 0)];
  });
}

const unknownSteps = only.filter((name) => !steps.some((step) => step.name === name));
if (unknownSteps.length > 0) {
  process.stderr.write(`unknown step${unknownSteps.length > 1 ? "s" : ""}: ${unknownSteps.join(", ")}; the steps are ${steps.map((step) => step.name).join(", ")}\n`);
  process.exit(2);
}

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let failedStep: string | null = null;
for (const step of steps) {
  if (only.length > 0 && !only.includes(step.name)) continue;
  const started = Date.now();
  process.stdout.write(`\n=== ${step.name} ===\n`);
  const args = [...step.args, ...(only.length > 0 ? extraArgs : [])];
  const run = spawnSync(step.command, args, { stdio: "inherit", env: { ...process.env, ...step.env } });
  // A runner's exit code alone is not trusted: a library's exit hook once turned a red run into exit 0.
  const counted = step.name === "vitest" ? vitestCounts() : step.name === "cluster" ? vitestCounts("cluster.json") : step.name === "e2e" ? e2eCounts() : null;
  const ranNothing = counted !== null && counted[0] + counted[1] === 0;
  const ok = run.status === 0 && (counted?.[1] ?? 0) === 0 && !ranNothing;
  if (ranNothing) process.stdout.write(`${step.name} ran no test: a filter that matches nothing is a failure, not a pass\n`);
  process.stdout.write(`=== ${step.name}: ${ok ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s ===\n`);
  if (!ok) {
    failedStep = step.name;
    break;
  }
}

const [vitestPassed, vitestFailed] = vitestCounts();
const [clusterPassed, clusterFailed] = vitestCounts("cluster.json");
const [e2ePassed, e2eFailed] = e2eCounts();

const passed = vitestPassed + clusterPassed + e2ePassed;
const failedTests = vitestFailed + clusterFailed + e2eFailed;
const failed = failedTests + (failedStep && failedTests === 0 ? 1 : 0);
if (failedStep) process.stdout.write(`\nStopped at the ${failedStep} step.\n`);
process.stdout.write(`\ntests: ${passed} passed, ${failed} failed\n`);
process.exit(failedStep ? 1 : 0);
