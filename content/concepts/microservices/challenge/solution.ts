// solution-canary:microservices (tests/e2e/bundle.spec.ts: this string must never reach a browser)
export interface SagaStep<C> {
  name: string;
  action(ctx: C): Promise<void>;
  compensate(ctx: C): Promise<void>;
  retries?: number;
}

export interface SagaResult {
  status: "completed" | "compensated" | "failed";
  log: string[];
}

/**
 * Runs `work` once, then up to `retries` more times while it keeps failing.
 * Logs `<first>:<name>`, then `retry:<name>` before each further attempt, and
 * `fail:<name>` if the last attempt fails. Resolves to whether it succeeded.
 */
async function attempt(log: string[], first: string, name: string, retries: number, work: () => Promise<void>): Promise<boolean> {
  for (let tries = 0; tries <= retries; tries++) {
    log.push(tries === 0 ? `${first}:${name}` : `retry:${name}`);
    try {
      await work();
      return true;
    } catch {
      // Fall through to the next attempt.
    }
  }
  log.push(`fail:${name}`);
  return false;
}

export async function runSaga<C>(steps: SagaStep<C>[], ctx: C): Promise<SagaResult> {
  const log: string[] = [];
  const done: SagaStep<C>[] = [];
  for (const step of steps) {
    const retries = step.retries ?? 0;
    if (await attempt(log, "do", step.name, retries, () => step.action(ctx))) {
      done.push(step);
      continue;
    }
    // The failing step did not complete, so only the earlier ones are undone, newest first.
    let status: SagaResult["status"] = "compensated";
    for (const completed of done.reverse()) {
      const undone = await attempt(log, "undo", completed.name, completed.retries ?? 0, () => completed.compensate(ctx));
      if (!undone) status = "failed";
    }
    return { status, log };
  }
  return { status: "completed", log };
}
