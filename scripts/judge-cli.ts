// npm run judge -- <challenge-id> <file.ts> [--mode run|submit]
// Prints the verdict JSON. Exit 0 passed, 1 not passed, 2 usage or unknown challenge.
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadChallenge, toJudgeSuite } from "../lib/content/challenges";
import { judge, JudgeInputError, JUDGE_MODES, type JudgeMode } from "../lib/judge";

const USAGE = "usage: npm run judge -- <challenge-id> <file.ts> [--mode run|submit]";

function usage(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let mode: JudgeMode = "submit";
const positional: string[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i] ?? "";
  if (arg === "--mode") {
    const value = args[++i];
    if (!JUDGE_MODES.includes(value as JudgeMode)) usage(`unknown mode "${value ?? ""}": use run or submit`);
    mode = value as JudgeMode;
  } else if (arg.startsWith("--mode=")) {
    const value = arg.slice("--mode=".length);
    if (!JUDGE_MODES.includes(value as JudgeMode)) usage(`unknown mode "${value}": use run or submit`);
    mode = value as JudgeMode;
  } else positional.push(arg);
}
const [challengeId, file] = positional;
if (!challengeId || !file || positional.length > 2) usage("expected a challenge id and a file");

const challenge = loadChallenge(challengeId);
if (!challenge) usage(`unknown challenge "${challengeId}"`);
let source: string;
try {
  // npm runs scripts from the project root; resolve the file where the user typed the command.
  source = readFileSync(path.resolve(process.env.INIT_CWD ?? process.cwd(), file), "utf8");
} catch (error) {
  usage(`cannot read ${file}: ${(error as Error).message}`);
}

try {
  const verdict = await judge(toJudgeSuite(challenge), source, mode);
  process.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
  // exitCode, not process.exit(): exiting while isolated-vm's threads wind down can crash the process.
  process.exitCode = verdict.verdict === "passed" ? 0 : 1;
} catch (error) {
  if (error instanceof JudgeInputError) usage(error.message);
  throw error;
}
