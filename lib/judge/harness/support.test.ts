import { describe, expect, test } from "vitest";
import { fnv1a32, murmur3_32, utf8Bytes } from "./support";

describe("support module", () => {
  test("utf8Bytes matches TextEncoder, surrogate pairs and lone surrogates included", () => {
    for (const text of ["", "abc", "héllo", "日本語", "😀 ok", "a\ud800b", "\udfff"]) {
      expect([...utf8Bytes(text)]).toEqual([...new TextEncoder().encode(text)]);
    }
  });

  test("fnv1a32 matches the published test vectors", () => {
    expect(fnv1a32("")).toBe(0x811c9dc5);
    expect(fnv1a32("a")).toBe(0xe40c292c);
    expect(fnv1a32("foobar")).toBe(0xbf9cf968);
  });

  test("murmur3_32 matches the reference implementation's vectors", () => {
    expect(murmur3_32("")).toBe(0);
    expect(murmur3_32("", 1)).toBe(0x514e28b7);
    expect(murmur3_32("", 0xffffffff)).toBe(0x81f16f39);
    expect(murmur3_32("test")).toBe(0xba6bd213);
    expect(murmur3_32("Hello, world!", 1234)).toBe(0xfaf6cdb3);
    expect(murmur3_32("The quick brown fox jumps over the lazy dog")).toBe(0x2e4ff723);
  });

  test("hashes are unsigned 32-bit integers", () => {
    for (const text of ["x", "longer input with several blocks", "😀"]) {
      for (const value of [fnv1a32(text), murmur3_32(text)]) {
        expect(Number.isInteger(value)).toBe(true);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThan(2 ** 32);
      }
    }
  });
});
