// npm test: every check the project has, in the order that fails fastest.
//   typecheck -> lint -> vitest (unit, content + judge, integration on a real
//   PostgreSQL) -> next build -> Playwright end to end in Chromium.
// Prints one closing line "tests: N passed, N failed" over vitest and Playwright.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
// Not test-results/: Playwright empties that folder when it starts.
const results = path.join(root, "test-reports");
const only = process.argv.slice(2); // e.g. `npm test -- vitest` runs just that step

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
    args: ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(results, "vitest.json")}`],
  },
  { name: "build", command: bin("next"), args: ["build"], env: { NEXT_TELEMETRY_DISABLED: "1" } },
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
function vitestCounts(): [number, number] {
  return counts(path.join(results, "vitest.json"), (json) => [Number(json.numPassedTests ?? 0), Number(json.numFailedTests ?? 0)]);
}
function e2eCounts(): [number, number] {
  return counts(path.join(results, "e2e.json"), (json) => {
    const stats = json.stats as { expected?: number; unexpected?: number; flaky?: number } | undefined;
    return [Number(stats?.expected ?? 0) + Number(stats?.flaky ?? 0), Number(stats?.unexpected ?? 0)];
  });
}

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let failedStep: string | null = null;
for (const step of steps) {
  if (only.length > 0 && !only.includes(step.name)) continue;
  const started = Date.now();
  process.stdout.write(`\n=== ${step.name} ===\n`);
  const run = spawnSync(step.command, step.args, { stdio: "inherit", env: { ...process.env, ...step.env } });
  // A runner's exit code alone is not trusted: a library's exit hook once turned a red run into exit 0.
  const reportedFailures = step.name === "vitest" ? vitestCounts()[1] : step.name === "e2e" ? e2eCounts()[1] : 0;
  const ok = run.status === 0 && reportedFailures === 0;
  process.stdout.write(`=== ${step.name}: ${ok ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s ===\n`);
  if (!ok) {
    failedStep = step.name;
    break;
  }
}

const [vitestPassed, vitestFailed] = vitestCounts();
const [e2ePassed, e2eFailed] = e2eCounts();

const passed = vitestPassed + e2ePassed;
const failed = vitestFailed + e2eFailed + (failedStep && vitestFailed + e2eFailed === 0 ? 1 : 0);
if (failedStep) process.stdout.write(`\nStopped at the ${failedStep} step.\n`);
process.stdout.write(`\ntests: ${passed} passed, ${failed} failed\n`);
process.exit(failedStep ? 1 : 0);
