// The judge service: `node --no-node-snapshot --import tsx scripts/judge-server.ts`.
// Started beside Next.js by scripts/start-stack.ts; reads JUDGE_PORT and JUDGE_SECRET.
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

await warmCompiler();
const server = createJudgeService({
  secret,
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
