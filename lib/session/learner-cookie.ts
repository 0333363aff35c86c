// The anonymous learner's id travels in an httpOnly cookie, signed so that
// nobody can claim another learner's id by editing it.
import { createHmac, timingSafeEqual } from "node:crypto";
import { uuidSchema } from "../http/ids";

export const LEARNER_COOKIE = "bp_learner";

function signature(id: string, secret: string): string {
  return createHmac("sha256", secret).update(`learner:${id}`).digest("base64url");
}

export function signLearnerId(id: string, secret: string): string {
  return `${id}.${signature(id, secret)}`;
}

/** The learner id when the cookie is intact, else null. */
export function verifyLearnerCookie(value: string | undefined, secret: string): string | null {
  if (!value) return null;
  const dot = value.indexOf(".");
  if (dot < 0) return null;
  const id = value.slice(0, dot);
  if (!uuidSchema.safeParse(id).success) return null;
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(signature(id, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

/** The cookie's attributes: httpOnly, same-site lax, secure in production, a year long. */
export function learnerCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: "lax" as const, secure, path: "/", maxAge: 60 * 60 * 24 * 365 };
}
