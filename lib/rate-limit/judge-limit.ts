import "server-only";
import { takeToken, takeTokenStatement } from "../db/rate-limits";
import { env } from "../env";
import { retryAfter } from "./token-bucket";

export interface JudgeLimit {
  allowed: boolean;
  retryAfterSeconds: number;
}

/** Runs and submits share one bucket per learner: `perMinute` of them, refilled steadily. */
export async function takeJudgeToken(learnerId: string, perMinute = env().BLUEPRINT_JUDGE_RATE_PER_MINUTE, at?: Date): Promise<JudgeLimit> {
  const { allowed, tokens } = await takeToken(`judge:${learnerId}`, perMinute, perMinute / 60, at);
  return judgeLimit(allowed, tokens, perMinute);
}

/**
 * The same take as a statement, for run and submit to send in one round trip with the
 * draft save; `judgeLimit` reads its result.
 */
export function judgeTokenStatement(learnerId: string, perMinute = env().BLUEPRINT_JUDGE_RATE_PER_MINUTE): { statement: ReturnType<typeof takeTokenStatement>; perMinute: number } {
  return { statement: takeTokenStatement(`judge:${learnerId}`, perMinute, perMinute / 60), perMinute };
}

export function judgeLimit(allowed: boolean, tokens: number, perMinute: number): JudgeLimit {
  return { allowed, retryAfterSeconds: allowed ? 0 : retryAfter(tokens, perMinute / 60) };
}
