// npm run bench:judge [-- --runs 200]
// Sends the rate-limiting hidden suite with the reference solution through the judge
// service (HTTP on loopback, a fresh isolate per run) at concurrency 1 and 2, then runs
// the same tests natively in this process without a sandbox. Prints median and p95
// latency, runs per second, and the judge/native ratio.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import * as esbuild from "esbuild";
import { loadChallenge } from "../lib/content/challenges";
import { freePort } from "../lib/db-tooling/embedded-postgres";
import type { HarnessEvent } from "../lib/judge/harness/runner";

const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 200;
const challenge = loadChallenge("rate-limiting/limiters");
if (!challenge) throw new Error("rate-limiting/limiters is missing");

function summarize(label: string, latencies: number[], wallMs: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const row = { label, runs: latencies.length, p50: at(0.5), p95: at(0.95), perSecond: (latencies.length / wallMs) * 1000 };
  process.stdout.write(
    `${label.padEnd(28)} runs ${String(row.runs).padStart(4)}  p50 ${row.p50.toFixed(1).padStart(6)} ms  p95 ${row.p95.toFixed(1).padStart(6)} ms  ${row.perSecond.toFixed(1).padStart(7)} runs/s\n`,
  );
  return row;
}

// --- the judge service ------------------------------------------------------------
const port = await freePort();
const secret = randomBytes(24).toString("hex");
const service = spawn(process.execPath, ["--no-node-snapshot", "--import", "tsx", "scripts/judge-server.ts"], {
  env: { ...process.env, JUDGE_PORT: String(port), JUDGE_SECRET: secret },
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise<void>((resolve, reject) => {
  service.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve());
  service.once("exit", (code) => reject(new Error(`judge service exited (${code})`)));
});

async function judgeOnce(): Promise<number> {
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}/judge`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-judge-secret": secret },
    body: JSON.stringify({ challengeId: challenge!.id, mode: "submit", code: challenge!.solution }),
  });
  const verdict = (await response.json()) as { verdict: string };
  if (verdict.verdict !== "passed") throw new Error(`expected a pass, got ${verdict.verdict}`);
  return performance.now() - started;
}

async function serviceRound(concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < runs) {
        next++;
        latencies.push(await judgeOnce());
      }
    }),
  );
  return summarize(`judge service, concurrency ${concurrency}`, latencies, performance.now() - started);
}

for (let i = 0; i < 10; i++) await judgeOnce(); // warm up
const one = await serviceRound(1);
const two = await serviceRound(2);
service.kill("SIGTERM");

// --- the same tests natively --------------------------------------------------------
const dir = challenge.dir;
const bundle = await esbuild.build({
  stdin: {
    contents: `
      import "./hidden.test.ts";
      import { takeRegisteredTests } from "@blueprint/test";
      import { runTests } from ${JSON.stringify(path.resolve("lib/judge/harness/runner.ts"))};
      export function run(emit) { return runTests(takeRegisteredTests(), emit); }`,
    resolveDir: dir,
    loader: "ts",
  },
  bundle: true,
  write: false,
  format: "iife",
  globalName: "suite",
  platform: "neutral",
  alias: {
    "@blueprint/test": path.resolve("lib/judge/harness/test-api.ts"),
  },
  plugins: [
    {
      name: "solution-and-support",
      setup(build) {
        build.onResolve({ filter: /^\.\/(solution|support)$/ }, (args) => ({
          path: args.path === "./solution" ? path.join(dir, "solution.ts") : path.resolve("lib/judge/harness/support.ts"),
        }));
      },
    },
  ],
});
const code = `${bundle.outputFiles[0]!.text}\nreturn suite;`;
const nativeLatencies: number[] = [];
const nativeStarted = performance.now();
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  // A fresh module instance per run, as the sandbox gets, but no isolate and no transpile.
  const suite = new Function(code)() as { run(emit: (event: HarnessEvent) => void): Promise<void> };
  let failed = 0;
  await suite.run((event) => {
    if (event.type === "result" && event.status === "failed") failed++;
  });
  if (failed > 0) throw new Error("the reference solution failed natively");
  nativeLatencies.push(performance.now() - started);
}
const native = summarize("native, no sandbox", nativeLatencies, performance.now() - nativeStarted);

process.stdout.write(
  `\nratio judge/native (p50): concurrency 1 ${(one.p50 / native.p50).toFixed(1)}x, concurrency 2 ${(two.p50 / native.p50).toFixed(1)}x\n` +
    `targets on a 2-core machine: p50 <= 30 ms, p95 <= 100 ms, >= 40 runs/s at concurrency 2 -> ` +
    `${two.p50 <= 30 && two.p95 <= 100 && two.perSecond >= 40 ? "met" : "not met"}\n`,
);
process.exit(0);
