// One judge child of lib/judge/pool.ts: runs judge() for one job at a time and answers
// over its IPC channel. It exists so that a learner program which makes V8 abort the
// process (an array grown past the isolate's heap limit aborts the host, not just the
// isolate: decision 020) takes down only this process, which the pool replaces.
// Only ids and code arrive here; the suite is loaded from content/ in this process.
import { loadChallenge, toJudgeSuite } from "../content/challenges";
import { warmCompiler } from "./compile";
import { judge, JudgeCancelledError, JudgeInputError, type ChallengeSuite } from "./index";
import type { ChildMessage, ParentMessage } from "./pool-protocol";
import type { SandboxStage } from "./stages";

/** How often a busy child tells the pool its resident size, so a death can say how big it was. */
const RSS_REPORT_MS = 100;

const send = (message: ChildMessage) => {
  if (process.connected) process.send?.(message);
};

let current: { id: number; controller: AbortController } | null = null;

function suiteFor(request: Extract<ParentMessage, { type: "job" }>): ChallengeSuite | undefined {
  if (request.suite) return request.suite;
  const challenge = request.challengeId === undefined ? undefined : loadChallenge(request.challengeId);
  return challenge ? toJudgeSuite(challenge) : undefined;
}

async function runJob(request: Extract<ParentMessage, { type: "job" }>): Promise<void> {
  const controller = new AbortController();
  current = { id: request.id, controller };
  const cpuBefore = process.cpuUsage();
  const rssTimer = setInterval(() => send({ type: "rss", id: request.id, rssBytes: process.memoryUsage.rss() }), RSS_REPORT_MS);
  const stages: SandboxStage[] = [];
  const spent = () => {
    const cpu = process.cpuUsage(cpuBefore);
    return { rssBytes: process.memoryUsage.rss(), cpuMs: (cpu.user + cpu.system) / 1000, stages };
  };
  try {
    const suite = suiteFor(request);
    if (!suite) {
      send({ type: "failed", id: request.id, kind: "unknown_challenge", message: `unknown challenge "${request.challengeId ?? ""}"`, ...spent() });
      return;
    }
    const verdict = await judge(suite, request.code, request.mode, request.limits, {
      signal: controller.signal,
      onStage: (stage) => stages.push(stage),
    });
    send({ type: "verdict", id: request.id, verdict, ...spent() });
  } catch (error) {
    const kind = error instanceof JudgeCancelledError ? "cancelled" : error instanceof JudgeInputError ? "input" : "internal";
    send({ type: "failed", id: request.id, kind, message: error instanceof Error ? error.message : String(error), ...spent() });
  } finally {
    clearInterval(rssTimer);
    current = null;
  }
}

process.on("message", (message: ParentMessage) => {
  if (message.type === "job") void runJob(message);
  else if (message.type === "cancel" && current?.id === message.id) current.controller.abort();
});

// The pool closed or died: nothing can reach this process any more. process.exit, not a
// natural end, because spare isolates would keep it alive; a crash while isolated-vm's
// threads wind down no longer matters to anyone.
process.on("disconnect", () => process.exit(0));

await warmCompiler();
send({ type: "ready", pid: process.pid });
