// The environment each process `npm run dev` / `npm start` starts is given. The judge runs
// learner code: it gets only what it needs (its port, its secret, its limits, where content
// is, and what any Node process needs), never the database URL or the app's session and auth
// secrets (issue 11, least privilege).

/** Names passed to the judge as they are (beside every JUDGE_* variable). */
const JUDGE_PASSES = ["PATH", "HOME", "TMPDIR", "LANG", "LC_ALL", "TZ", "NODE_ENV", "NODE_OPTIONS", "CI", "BLUEPRINT_CONTENT_DIR"];

export function judgeEnvironment(source: NodeJS.ProcessEnv, own: { JUDGE_PORT: string; JUDGE_SECRET: string }): NodeJS.ProcessEnv {
  const picked: Record<string, string> = {};
  for (const [name, value] of Object.entries(source)) {
    if (value === undefined) continue;
    if (name.startsWith("JUDGE_") || JUDGE_PASSES.includes(name)) picked[name] = value;
  }
  // NODE_ENV spelled out for the type (Next.js declares it); spawn drops it when undefined.
  return { ...picked, NODE_ENV: source.NODE_ENV, ...own };
}

/**
 * A judge worker's environment (scripts/judge-worker.ts): the judge's, plus the database it
 * takes jobs from. Not the app's session or auth secrets, nor JUDGE_SECRET (the HTTP service's).
 * The children that run learner code get less again (lib/judge/pool.ts: no DATABASE_URL).
 */
export function workerEnvironment(source: NodeJS.ProcessEnv, own: { DATABASE_URL: string }): NodeJS.ProcessEnv {
  const picked: Record<string, string> = {};
  for (const [name, value] of Object.entries(source)) {
    if (value === undefined || name === "JUDGE_SECRET") continue;
    if (name.startsWith("JUDGE_") || JUDGE_PASSES.includes(name)) picked[name] = value;
  }
  return { ...picked, NODE_ENV: source.NODE_ENV, ...own };
}
