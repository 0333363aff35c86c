import "server-only";
import { cookies } from "next/headers";
import { exportLearnerData } from "../db/export";
import { deleteLearner, deleteUser } from "../db/learners";
import { deleteBuckets } from "../db/rate-limits";
import { LEARNER_COOKIE } from "../session/learner-cookie";
import { currentLearnerId, currentUser } from "../session/current-learner";

/** Everything of the caller's, as JSON-ready data; an unknown caller has nothing. */
export async function exportMyData() {
  const learnerId = await currentLearnerId();
  const data = learnerId ? await exportLearnerData(learnerId) : null;
  return { exportedAt: new Date().toISOString(), account: data?.account ?? null, learner: data?.learner ?? null };
}

/** Deletes the caller's account (if signed in) and learner, with every row they own, and clears the cookies. */
export async function deleteMe(): Promise<{ deleted: boolean }> {
  const user = await currentUser();
  const learnerId = await currentLearnerId();
  if (learnerId) await deleteBuckets(`judge:${learnerId}`);
  if (learnerId) await deleteBuckets(`design-check:${learnerId}`);
  if (learnerId) await deleteBuckets(`write:${learnerId}:`);
  if (user) await deleteUser(user.id);
  else if (learnerId) await deleteLearner(learnerId);
  const jar = await cookies();
  jar.delete(LEARNER_COOKIE);
  // The session rows are gone already; clear their cookies too (a __Secure- cookie can only be replaced by a secure one).
  for (const cookie of jar.getAll()) {
    if (cookie.name.includes("better-auth.")) jar.set(cookie.name, "", { path: "/", maxAge: 0, secure: cookie.name.startsWith("__Secure-") });
  }
  return { deleted: Boolean(user || learnerId) };
}
