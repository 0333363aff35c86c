// The judge service: `node --no-node-snapshot --import tsx scripts/judge-server.ts`.
// Started beside Next.js by scripts/start-stack.ts; reads JUDGE_PORT, JUDGE_SECRET, JUDGE_CONCURRENCY and JUDGE_MAX_QUEUE.
// Learner code runs in the judge pool's child processes (lib/judge/pool.ts, decision 020), never
// in this one: a program that makes V8 abort kills a child, which the pool replaces.
import os from "node:os";
import { loadChallenge, toJudgeSuite } from "../lib/content/challenges";
import { createJudgePool } from "../lib/judge/pool";
import { createJudgeService } from "../lib/judge/service";

const port = Number(process.env.JUDGE_PORT ?? 3101);
const host = process.env.JUDGE_HOST ?? "127.0.0.1";
const secret = process.env.JUDGE_SECRET;
if (!secret || secret.length < 32) {
  process.stderr.write("JUDGE_SECRET must be set (32+ characters)\n");
  process.exit(2);
}

/** JUDGE_CONCURRENCY (runs at once, default one per core) and JUDGE_MAX_QUEUE (waiting runs past those, default 8 per slot; 0: none wait, a busy judge answers 503 at once). */
function wholeNumber(name: string, min: number): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    process.stderr.write(`${name} must be a whole number of at least ${min} (got "${raw}")\n`);
    process.exit(2);
  }
  return value;
}
const concurrency = wholeNumber("JUDGE_CONCURRENCY", 1) ?? Math.max(1, os.availableParallelism());
const maxQueue = wholeNumber("JUDGE_MAX_QUEUE", 0);

// One child per run slot. Its deaths and recycles are worth a line in the log: a death is a
// learner program (or the machine) killing a judge process.
const pool = createJudgePool({
  size: concurrency,
  onEvent: (event) => {
    if (event.type === "died") {
      process.stderr.write(`judge: child ${event.pid} died (${event.signal ?? `exit code ${event.exitCode}`}) while ${event.during === "job" ? "judging" : event.during}; replaced\n`);
    } else if (event.type === "recycled") {
      process.stderr.write(`judge: child ${event.pid} at ${event.rssMb} MB resident after a run, over its bound; replaced\n`);
    }
  },
});
await pool.ready();
const server = createJudgeService({
  secret,
  pool,
  concurrency,
  ...(maxQueue === undefined ? {} : { maxQueue }),
  loadSuite: (id) => {
    const challenge = loadChallenge(id);
    return challenge ? toJudgeSuite(challenge) : undefined;
  },
});
server.listen(port, host, () => {
  process.stdout.write(`judge listening on http://${host}:${port}\n`);
});
const stop = () => server.close(() => void pool.close().then(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
