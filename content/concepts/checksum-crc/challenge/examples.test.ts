import { expect, test } from "@blueprint/test";
import { ChecksumMismatchError, adler32, crc32, crc32c, frame, unframe } from "./solution";

/** The bytes of an ASCII string. */
const ascii = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

test("crc32 and crc32c give the standard check values", () => {
  expect(crc32(ascii("123456789"))).toBe(0xcbf43926);
  expect(crc32c(ascii("123456789"))).toBe(0xe3069283);
  expect(crc32(ascii("Hello World"))).toBe(0x4a17b156);
});

test("adler32 gives the standard check value", () => {
  expect(adler32(ascii("Wikipedia"))).toBe(0x11e60398);
});

test("crc32 can be fed in pieces through previous", () => {
  const first = crc32(ascii("12345"));
  expect(crc32(ascii("6789"), first)).toBe(0xcbf43926);
});

test("frame adds a big-endian length and a big-endian crc32", () => {
  expect(Array.from(frame(ascii("123456789")))).toEqual([0, 0, 0, 9, 49, 50, 51, 52, 53, 54, 55, 56, 57, 0xcb, 0xf4, 0x39, 0x26]);
});

test("unframe returns the payload and rejects a corrupted frame", () => {
  const framed = frame(ascii("hello"));
  expect(Array.from(unframe(framed))).toEqual(Array.from(ascii("hello")));
  framed[5] ^= 0x01;
  expect(() => unframe(framed)).toThrow(ChecksumMismatchError);
});
