import "server-only";
import { takeToken } from "../db/rate-limits";
import { env } from "../env";
import { retryAfter } from "./token-bucket";

export interface JudgeLimit {
  allowed: boolean;
  retryAfterSeconds: number;
}

/** Runs and submits share one bucket per learner: `perMinute` of them, refilled steadily. */
export async function takeJudgeToken(learnerId: string, perMinute = env().BLUEPRINT_JUDGE_RATE_PER_MINUTE, at?: Date): Promise<JudgeLimit> {
  const refillPerSecond = perMinute / 60;
  const { allowed, tokens } = await takeToken(`judge:${learnerId}`, perMinute, refillPerSecond, at);
  return { allowed, retryAfterSeconds: allowed ? 0 : retryAfter(tokens, refillPerSecond) };
}
