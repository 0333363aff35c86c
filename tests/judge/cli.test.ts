// The judge CLI's contract: verdict JSON on stdout; exit 0 passed, 1 not passed, 2 usage.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, test } from "vitest";

const dir = "content/concepts/rate-limiting/challenge";
function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ["--no-node-snapshot", "--import", "tsx", "scripts/judge-cli.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, INIT_CWD: process.cwd() },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("npm run judge", () => {
  test("a passing solution prints the verdict JSON and exits 0", () => {
    const run = cli("rate-limiting/limiters", path.join(dir, "solution.ts"));
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ challengeId: "rate-limiting/limiters", mode: "submit", verdict: "passed" });
  });

  test("a failing one exits 1, and --mode run runs the examples", () => {
    const run = cli("rate-limiting/limiters", path.join(dir, "starter.ts"), "--mode", "run");
    expect(run.status).toBe(1);
    const verdict = JSON.parse(run.stdout);
    expect(verdict.mode).toBe("run");
    expect(verdict.verdict).toBe("failed");
  });

  test.each([
    [["nope/nothing", "x.ts"], /unknown challenge/],
    [["rate-limiting/limiters"], /expected a challenge id and a file/],
    [["rate-limiting/limiters", path.join(dir, "solution.ts"), "--mode", "walk"], /unknown mode/],
    [["rate-limiting/limiters", "does-not-exist.ts"], /cannot read/],
  ])("usage errors exit 2 with a message: %s", (args, message) => {
    const run = cli(...args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
  });
});
