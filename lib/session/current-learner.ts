import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { auth } from "../auth/auth";
import { createLearner, findAnonymousLearner, findLearnerForUser, learnerForUser, touchLearner, type LearnerSeen } from "../db/learners";
import { env } from "../env";
import { assertAnonymousLearnerAllowed } from "../rate-limit/anonymous-learner-limit";
import { CLIENT_ADDRESS_HEADER } from "../rate-limit/client-address";
import { LEARNER_COOKIE, learnerCookieOptions, signLearnerId, verifyLearnerCookie } from "./learner-cookie";

/** lastSeenAt is written at most this often per learner: enough for a 30-day inactivity rule. */
export const LAST_SEEN_THROTTLE_MS = 10 * 60 * 1000;

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
}

/** The signed-in user of this request, if any (better-auth's session cookie). Once per render (React cache). */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth().api.getSession({ headers: await headers() });
  if (!session) return null;
  const { id, name, email } = session.user;
  return { id, name, email };
});

/**
 * The client's address as scripts/serve-app.ts resolved it from the socket and the
 * trusted proxies. "unknown" when the app runs without that server (plain `next dev`):
 * then every cookie-less client shares one allowance, which fails closed.
 */
export async function clientAddress(): Promise<string> {
  return (await headers()).get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}

async function seen(learner: LearnerSeen | null): Promise<string | null> {
  if (!learner) return null;
  const now = new Date();
  if (now.getTime() - learner.lastSeenAt.getTime() >= LAST_SEEN_THROTTLE_MS) await touchLearner(learner.id, now, LAST_SEEN_THROTTLE_MS);
  return learner.id;
}

/**
 * The learner of this request, if there is one. Signed in: the account's learner.
 * Otherwise the cookie's learner, but only an anonymous one: a cookie left behind by
 * an account never opens that account's work without its session. Records the
 * learner's activity (throttled), which keeps an anonymous learner from being cleaned up.
 */
export const currentLearnerId = cache(async (): Promise<string | null> => {
  const user = await currentUser();
  if (user) return seen(await findLearnerForUser(user.id));
  const jar = await cookies();
  const id = verifyLearnerCookie(jar.get(LEARNER_COOKIE)?.value, env().SESSION_SECRET);
  if (!id) return null;
  return seen(await findAnonymousLearner(id));
});

/**
 * The learner of this request, created (and the cookie set) on first write. Creating
 * one counts against the client address's hourly allowance: past it, AppError
 * "rate_limited" with the seconds to wait.
 */
export async function ensureLearnerId(): Promise<string> {
  const existing = await currentLearnerId();
  if (existing) return existing;
  // A signed-in user's learner is created on their first write, never on a read.
  const user = await currentUser();
  if (user) return learnerForUser(user.id);
  await assertAnonymousLearnerAllowed(await clientAddress());
  const { id } = await createLearner();
  const jar = await cookies();
  jar.set(LEARNER_COOKIE, signLearnerId(id, env().SESSION_SECRET), learnerCookieOptions(secureCookies()));
  return id;
}

export function secureCookies(): boolean {
  return env().NODE_ENV === "production" && process.env.BLUEPRINT_INSECURE_COOKIES !== "1";
}
