import { describe, expect, test } from "vitest";
import { signLearnerId, verifyLearnerCookie } from "./learner-cookie";

const secret = "s".repeat(40);
const id = "5b0c1f0e-8a7d-4e3a-9c55-2f4e1b7d9a10";

describe("learner cookie", () => {
  test("round-trips a learner id", () => {
    expect(verifyLearnerCookie(signLearnerId(id, secret), secret)).toBe(id);
  });
  test("rejects an edited id, a wrong secret and garbage", () => {
    const cookie = signLearnerId(id, secret);
    expect(verifyLearnerCookie(cookie.replace("5b0c", "5b0d"), secret)).toBeNull();
    expect(verifyLearnerCookie(cookie, "t".repeat(40))).toBeNull();
    expect(verifyLearnerCookie("not-a-cookie", secret)).toBeNull();
    expect(verifyLearnerCookie(undefined, secret)).toBeNull();
  });
});
