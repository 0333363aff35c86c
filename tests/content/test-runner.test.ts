// scripts/run-tests.ts (npm test) must not be green when it checked nothing: a
// mistyped step name is an error, and a step whose runner ran no test fails.
// Its reports go to a folder of this test's own, so a surrounding `npm test` keeps its own.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";

const reports = mkdtempSync(path.join(os.tmpdir(), "blueprint-run-tests-"));
afterAll(() => rmSync(reports, { recursive: true, force: true }));

function runTests(...args: string[]) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/run-tests.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, BLUEPRINT_TEST_REPORTS: reports },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

// One small, fast unit file keeps the nested vitest runs short.
const unitFile = "lib/judge/harness/support.test.ts";

describe("npm test", () => {
  test("a mistyped step name fails and lists the steps", () => {
    const run = runTests("vitset");
    expect(run.status).toBe(2);
    expect(run.output).toContain("unknown step: vitset; the steps are typecheck, lint, vitest, build, cluster, e2e");
    expect(run.output).not.toContain("=== ");
  });

  test("a vitest step that ran no test fails", () => {
    const run = runTests("vitest", "--", "--project", "unit", unitFile, "-t", "no test is called this");
    expect(run.output).toContain("vitest ran no test");
    expect(run.output).toContain("=== vitest: FAILED");
    expect(run.status).toBe(1);
  });

  test("the same step with tests that pass is ok and counts them", () => {
    const run = runTests("vitest", "--", "--project", "unit", unitFile);
    expect(run.output).toContain("=== vitest: ok");
    expect(run.output).toMatch(/tests: [1-9]\d* passed, 0 failed/);
    expect(run.status).toBe(0);
  });
});
