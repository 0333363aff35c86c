import "server-only";
import { db } from "./client";

/** Creates an anonymous learner; the id goes into a signed cookie. */
export async function createLearner(): Promise<{ id: string }> {
  return db().learner.create({ data: {}, select: { id: true } });
}

/** True when the learner exists (a cookie may outlive a wiped database). */
export async function learnerExists(id: string): Promise<boolean> {
  const found = await db().learner.findUnique({ where: { id }, select: { id: true } });
  return found !== null;
}
