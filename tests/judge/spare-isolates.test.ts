// The judge prepares the next run's isolate ahead of time (lib/judge/sandbox.ts). A spare
// is taken by one run only: nothing a run leaves in its realm reaches the next one, and
// runs at the same time never share an isolate.
import { describe, expect, test } from "vitest";
import { loadChallenge, toJudgeSuite } from "../../lib/content/challenges";
import { judge, type SandboxStage } from "../../lib/judge";

const challenge = loadChallenge("rate-limiting/limiters");
if (!challenge) throw new Error("the rate-limiting challenge is missing");
const suite = toJudgeSuite(challenge);

// Logs what an earlier run may have left behind, then leaves its own mark.
const marker = `${challenge.solution}
const realm = globalThis as unknown as Record<string, unknown>;
console.log("found " + String(realm.leftBehind));
realm.leftBehind = "from an earlier run";
`;

async function runWithStages(): Promise<{ logs: string; verdict: string; stages: SandboxStage[] }> {
  const stages: SandboxStage[] = [];
  const verdict = await judge(suite, marker, "run", undefined, { onStage: (stage) => stages.push(stage) });
  return { logs: verdict.logs, verdict: verdict.verdict, stages };
}

describe("spare isolates", () => {
  test("a run on a spare isolate sees nothing an earlier run left in its realm", async () => {
    const runs = [];
    for (let i = 0; i < 4; i++) runs.push(await runWithStages());
    for (const run of runs) expect(run).toMatchObject({ verdict: "passed", logs: "found undefined\n" });
    // The later runs started on prepared isolates: they never created a context themselves.
    expect(runs.slice(1).map((run) => run.stages.includes("context-create"))).toEqual([false, false, false]);
  });

  test("runs at the same time each get their own isolate", async () => {
    const runs = await Promise.all([runWithStages(), runWithStages(), runWithStages()]);
    for (const run of runs) expect(run).toMatchObject({ verdict: "passed", logs: "found undefined\n" });
  });
});
