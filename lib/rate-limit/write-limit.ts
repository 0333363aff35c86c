import "server-only";
import { AppError } from "../app-error";
import { takeToken } from "../db/rate-limits";
import { env } from "../env";
import { retryAfter } from "./token-bucket";

/** What a learner writes; each kind has a bucket of its own, so autosaving notes never blocks a drill answer. */
export type WriteKind = "draft" | "note" | "interview" | "drill" | "progress" | "board" | "review";

// Per learner and kind, per minute. The editor and the notes autosave about once a
// second while someone types (800 ms / 700 ms debounce), so the default leaves room
// for that plus bursts; a script writing in a loop is refused within a minute.
const WEIGHT: Record<WriteKind, number> = {
  draft: 1,
  note: 1,
  board: 1,
  progress: 1,
  drill: 1,
  review: 0.5,
  // Starting, advancing and finishing interviews: a person needs a few a minute.
  interview: 0.25,
};

/** The bucket of `kind` for this learner: capacity and refill per minute. */
export function writeLimitPerMinute(kind: WriteKind, base = env().BLUEPRINT_WRITE_RATE_PER_MINUTE): number {
  return Math.max(1, Math.floor(base * WEIGHT[kind]));
}

/**
 * Takes one write token of `kind` for the learner, or throws AppError("rate_limited")
 * with the seconds until a token is back. Called by the route wrapper before any write.
 */
export async function assertWriteAllowed(learnerId: string, kind: WriteKind, at?: Date): Promise<void> {
  const perMinute = writeLimitPerMinute(kind);
  const refillPerSecond = perMinute / 60;
  const { allowed, tokens } = await takeToken(`write:${learnerId}:${kind}`, perMinute, refillPerSecond, at);
  if (allowed) return;
  const retryAfterSeconds = retryAfter(tokens, refillPerSecond);
  throw new AppError("rate_limited", `Too many ${kind} saves in a minute; try again in ${retryAfterSeconds} s. Nothing you saved before was lost.`, {
    retryAfterSeconds,
  });
}
