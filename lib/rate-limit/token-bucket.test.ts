import { describe, expect, test } from "vitest";
import { take } from "./token-bucket";

describe("token bucket", () => {
  test("allows a burst of capacity, then refuses until a token refills", () => {
    let state = null;
    for (let i = 0; i < 3; i += 1) {
      const result = take(state, 0, 3, 0.5);
      expect(result.allowed).toBe(true);
      state = result.state;
    }
    const refused = take(state, 0, 3, 0.5);
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 2 });
    expect(take(refused.state, 2000, 3, 0.5).allowed).toBe(true);
  });

  test("never holds more than its capacity", () => {
    const result = take({ tokens: 0, updatedAtMs: 0 }, 1_000_000, 3, 0.5);
    expect(result.state.tokens).toBe(2);
  });
});
