// What the load bench and the cluster's fault tests both drive: learners of their own
// (a cookie each), submitting the reference solution of one challenge, and the limits a
// classroom behind one address needs.
import { loadChallenge, type Challenge } from "../content/challenges";

/**
 * A classroom behind one NAT: many learners from one address, each submitting often. The
 * defaults (100 new anonymous learners an hour per address, 30 runs a minute per learner,
 * 120 saves a minute) are for the open internet; the bench and the tests set these on the
 * servers they start, and the bench prints them.
 */
export const CLASSROOM_LIMITS = {
  BLUEPRINT_JUDGE_RATE_PER_MINUTE: "10000",
  BLUEPRINT_WRITE_RATE_PER_MINUTE: "100000",
  BLUEPRINT_ANONYMOUS_LEARNERS_PER_HOUR: "1000000",
  // One JSON line per request would cost the servers more than the bench measures.
  BLUEPRINT_REQUEST_LOG: "off",
} as const;

export const LOAD_CHALLENGE_ID = "rate-limiting/limiters";

export function loadTarget(): { challenge: Challenge; draftPath: string; submitPath: string } {
  const challenge = loadChallenge(LOAD_CHALLENGE_ID);
  if (!challenge) throw new Error(`${LOAD_CHALLENGE_ID} is missing`);
  const [concept, slug] = challenge.id.split("/") as [string, string];
  return { challenge, draftPath: `/api/drafts/${concept}/${slug}`, submitPath: `/api/challenges/${concept}/${slug}/submit` };
}

/** A new anonymous learner: the cookie its first write (a draft save) sets. */
export async function newLearner(baseUrl: string): Promise<string> {
  const { challenge, draftPath } = loadTarget();
  const response = await fetch(`${baseUrl}${draftPath}`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: challenge.starter }) });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!response.ok || !cookie) throw new Error(`could not create a learner: ${response.status} ${await response.text()}`);
  return cookie;
}

/** The q-quantile (0..1) of `values`, NaN for none. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
