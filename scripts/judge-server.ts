// The judge service: `node --no-node-snapshot --import tsx scripts/judge-server.ts`.
// Started beside Next.js by scripts/start-stack.ts; reads JUDGE_PORT, JUDGE_SECRET, JUDGE_CONCURRENCY and JUDGE_MAX_QUEUE.
import { loadChallenge, toJudgeSuite } from "../lib/content/challenges";
import { warmCompiler } from "../lib/judge/compile";
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
const concurrency = wholeNumber("JUDGE_CONCURRENCY", 1);
const maxQueue = wholeNumber("JUDGE_MAX_QUEUE", 0);

await warmCompiler();
const server = createJudgeService({
  secret,
  // Idle and still past its memory bound: every run would be refused, so make way for a fresh process.
  onOverMemory: (rssMb) => {
    process.stderr.write(`judge: ${rssMb} MB resident while idle, over its bound; exiting to be restarted\n`);
    server.close();
    process.exitCode = 1;
    setImmediate(() => process.exit(1));
  },
  ...(concurrency === undefined ? {} : { concurrency }),
  ...(maxQueue === undefined ? {} : { maxQueue }),
  loadSuite: (id) => {
    const challenge = loadChallenge(id);
    return challenge ? toJudgeSuite(challenge) : undefined;
  },
});
server.listen(port, host, () => {
  process.stdout.write(`judge listening on http://${host}:${port}\n`);
});
const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
