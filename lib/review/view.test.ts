import { describe, expect, test } from "vitest";
import { plainText } from "./view";

describe("plainText", () => {
  test("keeps a link's words and drops emphasis and code marks", () => {
    expect(plainText("See [the paper](https://example.org) on **token buckets**, *not* `fixed windows`.")).toBe("See the paper on token buckets, not fixed windows.");
  });
  test("leaves multiplication and lone stars alone", () => {
    expect(plainText("2 * 3 * 4 requests")).toBe("2 * 3 * 4 requests");
  });
});
