import { afterEach, describe, expect, test, vi } from "vitest";
import { memoInProduction } from "./memo";

afterEach(() => vi.unstubAllEnvs());

describe("memoInProduction", () => {
  test("in production the loader runs once per key", () => {
    vi.stubEnv("NODE_ENV", "production");
    const load = vi.fn(() => ({ read: true }));
    const first = memoInProduction("memo-test:a", load);
    expect(memoInProduction("memo-test:a", load)).toBe(first);
    expect(load).toHaveBeenCalledTimes(1);
    memoInProduction("memo-test:b", load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  test("elsewhere every call reads again, so edits show at once", () => {
    vi.stubEnv("NODE_ENV", "development");
    let version = 0;
    expect(memoInProduction("memo-test:c", () => ++version)).toBe(1);
    expect(memoInProduction("memo-test:c", () => ++version)).toBe(2);
  });

  test("a different content root is a different entry", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("BLUEPRINT_CONTENT_DIR", "/tmp/content-one");
    expect(memoInProduction("memo-test:d", () => "one")).toBe("one");
    vi.stubEnv("BLUEPRINT_CONTENT_DIR", "/tmp/content-two");
    expect(memoInProduction("memo-test:d", () => "two")).toBe("two");
  });
});
