import "server-only";
import { AppError } from "../app-error";
import { takeToken } from "../db/rate-limits";
import { env } from "../env";
import { addressLimitKey } from "./client-address";
import { retryAfter } from "./token-bucket";

/**
 * A client that drops its cookie gets a new anonymous learner, and with it fresh
 * per-learner buckets. So each client address may create only so many learners an hour
 * (BLUEPRINT_ANONYMOUS_LEARNERS_PER_HOUR, 100 by default: a class of 50 behind one NAT
 * address fits twice). A token bucket, so the allowance comes back steadily rather than
 * all at once on the hour.
 */
export async function assertAnonymousLearnerAllowed(clientAddress: string, at?: Date, perHour = env().BLUEPRINT_ANONYMOUS_LEARNERS_PER_HOUR): Promise<void> {
  const refillPerSecond = perHour / 3600;
  const { allowed, tokens } = await takeToken(`anonymous:${addressLimitKey(clientAddress)}`, perHour, refillPerSecond, at);
  if (allowed) return;
  const retryAfterSeconds = retryAfter(tokens, refillPerSecond);
  throw new AppError(
    "rate_limited",
    `Too many new visitors from your network in the last hour; try again in ${Math.ceil(retryAfterSeconds / 60)} min. ` +
      "If your browser blocks cookies, allow them for this site: each request without one counts as a new visitor.",
    { retryAfterSeconds },
  );
}
