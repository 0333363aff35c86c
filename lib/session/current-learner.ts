import "server-only";
import { cookies } from "next/headers";
import { createLearner, learnerExists } from "../db/learners";
import { env } from "../env";
import { LEARNER_COOKIE, signLearnerId, verifyLearnerCookie } from "./learner-cookie";

/** The learner of this request, if the cookie names one that exists. Never creates one. */
export async function currentLearnerId(): Promise<string | null> {
  const jar = await cookies();
  const id = verifyLearnerCookie(jar.get(LEARNER_COOKIE)?.value, env().SESSION_SECRET);
  if (!id) return null;
  return (await learnerExists(id)) ? id : null;
}

/** The learner of this request, created (and the cookie set) on first write. */
export async function ensureLearnerId(): Promise<string> {
  const existing = await currentLearnerId();
  if (existing) return existing;
  const { id } = await createLearner();
  const jar = await cookies();
  jar.set(LEARNER_COOKIE, signLearnerId(id, env().SESSION_SECRET), {
    httpOnly: true,
    sameSite: "lax",
    secure: env().NODE_ENV === "production" && process.env.BLUEPRINT_INSECURE_COOKIES !== "1",
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
  });
  return id;
}
