import { describe, expect, it } from "vitest";
import { AppError } from "../app-error";
import { assertMetricsAccess } from "./access";

const withAuth = (value?: string) => new Request("http://localhost/metrics", value === undefined ? {} : { headers: { authorization: value } });

describe("GET /metrics access", () => {
  it("is open when no token is set", () => {
    expect(() => assertMetricsAccess(withAuth(), undefined)).not.toThrow();
    expect(() => assertMetricsAccess(withAuth(), "")).not.toThrow();
  });

  it("with a token, lets in only its bearer", () => {
    expect(() => assertMetricsAccess(withAuth("Bearer s3cret-token"), "s3cret-token")).not.toThrow();
    expect(() => assertMetricsAccess(withAuth("bearer s3cret-token"), "s3cret-token")).not.toThrow();
    for (const wrong of [undefined, "", "Bearer", "Bearer s3cret-toke", "Bearer s3cret-token2", "Basic czNjcmV0LXRva2Vu", "s3cret-token"]) {
      let thrown: unknown;
      try {
        assertMetricsAccess(withAuth(wrong), "s3cret-token");
      } catch (error) {
        thrown = error;
      }
      expect(thrown, String(wrong)).toBeInstanceOf(AppError);
      expect((thrown as AppError).code).toBe("unauthorized");
      expect((thrown as AppError).message).not.toContain("s3cret");
    }
  });
});
