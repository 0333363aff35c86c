import { describe, expect, test } from "vitest";
import { adler32, analyze, buildFrame, crc32, describe as describeFrame, flipBit, messageBytes, regionOf, sum8, swapPayloadBytes } from "./checksum-crc";

const ascii = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

describe("checksum model logic", () => {
  test("crc32 and adler32 give the standard check values", () => {
    expect(crc32(ascii("123456789"))).toBe(0xcbf43926);
    expect(adler32(ascii("Wikipedia"))).toBe(0x11e60398);
    expect(sum8(Uint8Array.from([5, 10, 15, 20]))).toBe(50);
  });

  test("a frame is length, payload and crc, big-endian", () => {
    const frame = buildFrame(ascii("hello"));
    expect(Array.from(frame)).toEqual([0, 0, 0, 5, 104, 101, 108, 108, 111, 0x36, 0x10, 0xa6, 0x86]);
    expect(regionOf(0, frame.length)).toBe("length");
    expect(regionOf(4, frame.length)).toBe("payload");
    expect(regionOf(12, frame.length)).toBe("crc");
  });

  test("an untouched frame passes every check", () => {
    const frame = buildFrame(ascii("hello"));
    expect(analyze(frame, frame)).toMatchObject({ changedBits: 0, outcome: "ok", crcDetects: false });
  });

  test("every single-bit flip is detected, by the length check or the crc", () => {
    const frame = buildFrame(ascii("abc"));
    for (let byte = 0; byte < frame.length; byte++) {
      for (let bit = 0; bit < 8; bit++) {
        const v = analyze(frame, flipBit(frame, byte, bit));
        expect(v.changedBits).toBe(1);
        expect(v.crcDetects).toBe(true);
        expect(v.outcome).toBe(byte < 4 ? "RangeError" : "ChecksumMismatchError");
      }
    }
  });

  test("a swap of two payload bytes fools the sum but not the crc or adler", () => {
    const frame = buildFrame(ascii("hello"));
    const swapped = swapPayloadBytes(frame, 0, 1);
    const v = analyze(frame, swapped);
    expect(v.sumDetects).toBe(false);
    expect(v.crcDetects).toBe(true);
    expect(v.adlerDetects).toBe(true);
  });

  test("two flips that cancel in the sum are still caught by the crc", () => {
    const frame = buildFrame(ascii("AB")); // 0x41, 0x42
    const once = flipBit(frame, 4, 1); // 0x41 -> 0x43 (+2)
    const twice = flipBit(once, 5, 1); // 0x42 -> 0x40 (-2)
    const v = analyze(frame, twice);
    expect(v.sumDetects).toBe(false);
    expect(v.crcDetects).toBe(true);
  });

  test("messages are limited and non-ASCII becomes '?'", () => {
    expect(Array.from(messageBytes("héllo"))).toEqual([104, 63, 108, 108, 111]);
    expect(messageBytes("x".repeat(50)).length).toBe(10);
  });

  test("the description states what the picture shows", () => {
    const frame = buildFrame(ascii("hi"));
    expect(describeFrame(frame, frame, "hi")).toContain("No bits changed");
    expect(describeFrame(frame, flipBit(frame, 5, 0), "hi")).toContain("ChecksumMismatchError");
    expect(describeFrame(frame, flipBit(frame, 3, 0), "hi")).toContain("RangeError");
  });
});
