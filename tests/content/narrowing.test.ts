// A leftover BLUEPRINT_CHALLENGE / BLUEPRINT_CONCEPT says so loudly, and never narrows under CI.
import { describe, expect, test } from "vitest";
import { narrowing } from "./narrowing";

describe("content test narrowing", () => {
  test("unset: everything is checked, nothing printed", () => {
    const printed: string[] = [];
    expect(narrowing("BLUEPRINT_CHALLENGE", {}, (text) => printed.push(text))).toBeUndefined();
    expect(printed).toEqual([]);
  });

  test("set outside CI: narrows, and prints that only one is checked", () => {
    const printed: string[] = [];
    expect(narrowing("BLUEPRINT_CONCEPT", { BLUEPRINT_CONCEPT: "rate-limiting" }, (text) => printed.push(text))).toBe("rate-limiting");
    expect(printed.join("")).toContain("BLUEPRINT_CONCEPT=rate-limiting: checking ONLY this one");
  });

  test.each(["true", "1", "yes"])("set under CI=%s: ignored (everything checked), and said so", (ci) => {
    const printed: string[] = [];
    const env = { CI: ci, BLUEPRINT_CHALLENGE: "rate-limiting/limiters" };
    expect(narrowing("BLUEPRINT_CHALLENGE", env, (text) => printed.push(text))).toBeUndefined();
    expect(printed.join("")).toContain("ignoring it and checking everything");
  });

  test("CI=false does not count as CI", () => {
    expect(narrowing("BLUEPRINT_CHALLENGE", { CI: "false", BLUEPRINT_CHALLENGE: "x/y" }, () => {})).toBe("x/y");
  });
});
