import "server-only";
import { cookies, headers } from "next/headers";
import { auth } from "../auth/auth";
import { anonymousLearnerExists, createLearner, learnerForUser } from "../db/learners";
import { env } from "../env";
import { LEARNER_COOKIE, learnerCookieOptions, signLearnerId, verifyLearnerCookie } from "./learner-cookie";

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
}

/** The signed-in user of this request, if any (better-auth's session cookie). */
export async function currentUser(): Promise<CurrentUser | null> {
  const session = await auth().api.getSession({ headers: await headers() });
  if (!session) return null;
  const { id, name, email } = session.user;
  return { id, name, email };
}

/**
 * The learner of this request, if there is one. Signed in: the account's learner.
 * Otherwise the cookie's learner, but only an anonymous one: a cookie left behind by
 * an account never opens that account's work without its session.
 */
export async function currentLearnerId(): Promise<string | null> {
  const user = await currentUser();
  if (user) return learnerForUser(user.id);
  const jar = await cookies();
  const id = verifyLearnerCookie(jar.get(LEARNER_COOKIE)?.value, env().SESSION_SECRET);
  if (!id) return null;
  return (await anonymousLearnerExists(id)) ? id : null;
}

/** The learner of this request, created (and the cookie set) on first write. */
export async function ensureLearnerId(): Promise<string> {
  const existing = await currentLearnerId();
  if (existing) return existing;
  const { id } = await createLearner();
  const jar = await cookies();
  jar.set(LEARNER_COOKIE, signLearnerId(id, env().SESSION_SECRET), learnerCookieOptions(secureCookies()));
  return id;
}

export function secureCookies(): boolean {
  return env().NODE_ENV === "production" && process.env.BLUEPRINT_INSECURE_COOKIES !== "1";
}
