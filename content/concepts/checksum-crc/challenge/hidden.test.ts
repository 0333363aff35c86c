import { expect, randomInt, seededRandom, test } from "@blueprint/test";
import { ChecksumMismatchError, adler32, crc32, crc32c, frame, unframe } from "./solution";

// ---- helpers --------------------------------------------------------------------

const ascii = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));
const hex = (n: number) => "0x" + n.toString(16).padStart(8, "0");

/** A bit-at-a-time CRC, written independently of any table, to check random inputs against. */
function bitwiseCrc(data: Uint8Array, poly: number, previous = 0): number {
  let c = (previous ^ 0xffffffff) >>> 0;
  for (const byte of data) {
    c = (c ^ byte) >>> 0;
    for (let k = 0; k < 8; k++) c = (c & 1 ? (c >>> 1) ^ poly : c >>> 1) >>> 0;
  }
  return (c ^ 0xffffffff) >>> 0;
}

function bitwiseAdler(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return b * 65536 + a;
}

function randomBytes(random: () => number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = randomInt(random, 0, 255);
  return out;
}

/** The same bytes as `data`, but as a view with byteOffset != 0 inside a buffer full of other bytes. */
function asOffsetView(data: Uint8Array, before = 7, after = 5): Uint8Array {
  const backing = new Uint8Array(before + data.length + after).fill(0xa5);
  backing.set(data, before);
  return backing.subarray(before, before + data.length);
}

const list = (bytes: Uint8Array) => Array.from(bytes);

// ---- crc32 ----------------------------------------------------------------------

test("crc32: standard check values", () => {
  expect(hex(crc32(ascii("123456789")))).toBe("0xcbf43926");
  expect(hex(crc32(ascii("Hello World")))).toBe("0x4a17b156");
  expect(hex(crc32(ascii("The quick brown fox jumps over the lazy dog")))).toBe("0x414fa339");
  expect(hex(crc32(ascii("a")))).toBe("0xe8b7be43");
});

test("crc32: the empty input is 0", () => {
  expect(crc32(new Uint8Array(0))).toBe(0);
});

test("crc32: results are unsigned 32-bit numbers", () => {
  const value = crc32(ascii("123456789"));
  expect(value).toBe(3421780262);
  expect(value).toBeGreaterThan(0);
  expect(Number.isInteger(value)).toBe(true);
});

test("crc32: matches a bit-at-a-time reference on random inputs", () => {
  const random = seededRandom(2020);
  for (let round = 0; round < 60; round++) {
    const data = randomBytes(random, randomInt(random, 0, 200));
    const expected = bitwiseCrc(data, 0xedb88320);
    const actual = crc32(data);
    if (actual !== expected) throw new Error(`crc32 of [${list(data).slice(0, 16).join(", ")}...] (${data.length} bytes): got ${hex(actual)}, expected ${hex(expected)}`);
  }
});

test("crc32: feeding zero bytes returns previous unchanged", () => {
  expect(crc32(new Uint8Array(0), 0xcbf43926)).toBe(0xcbf43926);
  expect(crc32(new Uint8Array(0), 12345)).toBe(12345);
});

test("crc32: incremental equals one-shot over every split of a short message", () => {
  const data = ascii("hidden-canary:checksum-crc");
  const whole = crc32(data);
  for (let cut = 0; cut <= data.length; cut++) {
    const pieces = crc32(data.subarray(cut), crc32(data.subarray(0, cut)));
    if (pieces !== whole) throw new Error(`split at ${cut}: got ${hex(pieces)}, expected ${hex(whole)}`);
  }
});

test("crc32: incremental equals one-shot over random multi-piece splits", () => {
  const random = seededRandom(32);
  for (let round = 0; round < 60; round++) {
    const data = randomBytes(random, randomInt(random, 0, 150));
    let running = 0;
    let at = 0;
    const cuts: number[] = [];
    while (at < data.length) {
      const next = Math.min(data.length, at + randomInt(random, 0, 40));
      cuts.push(next);
      running = crc32(data.slice(at, next), running);
      at = next;
    }
    const expected = crc32(data);
    if (running !== expected) throw new Error(`${data.length} bytes cut at [${cuts.join(", ")}]: got ${hex(running)}, expected ${hex(expected)}`);
  }
});

test("crc32: reads only the bytes of a subarray view", () => {
  const data = ascii("123456789");
  expect(hex(crc32(asOffsetView(data)))).toBe("0xcbf43926");
  const random = seededRandom(7);
  for (let round = 0; round < 20; round++) {
    const piece = randomBytes(random, randomInt(random, 1, 64));
    const view = asOffsetView(piece, randomInt(random, 1, 9), randomInt(random, 1, 9));
    expect(crc32(view)).toBe(bitwiseCrc(piece, 0xedb88320));
  }
});

test("crc32: detects every single-bit flip in a 64-byte block", () => {
  const data = randomBytes(seededRandom(64), 64);
  const original = crc32(data);
  for (let bit = 0; bit < data.length * 8; bit++) {
    const copy = data.slice();
    copy[bit >> 3] ^= 1 << (bit & 7);
    if (crc32(copy) === original) throw new Error(`flipping bit ${bit} left the crc unchanged`);
  }
});

// ---- crc32c ---------------------------------------------------------------------

test("crc32c: standard check value", () => {
  expect(hex(crc32c(ascii("123456789")))).toBe("0xe3069283");
  expect(crc32c(new Uint8Array(0))).toBe(0);
});

test("crc32c: the iSCSI test vectors of RFC 3720", () => {
  const ascending = Uint8Array.from({ length: 32 }, (_, i) => i);
  const descending = Uint8Array.from({ length: 32 }, (_, i) => 31 - i);
  expect(hex(crc32c(new Uint8Array(32)))).toBe("0x8a9136aa");
  expect(hex(crc32c(new Uint8Array(32).fill(0xff)))).toBe("0x62a8ab43");
  expect(hex(crc32c(ascending))).toBe("0x46dd794e");
  expect(hex(crc32c(descending))).toBe("0x113fdb5c");
});

test("crc32c: uses its own polynomial, not crc32's", () => {
  const data = ascii("Hello World");
  expect(hex(crc32c(data))).toBe("0x691daa2f");
  expect(crc32c(data)).not.toBe(crc32(data));
});

test("crc32c: matches a bit-at-a-time reference on random inputs", () => {
  const random = seededRandom(3720);
  for (let round = 0; round < 60; round++) {
    const data = randomBytes(random, randomInt(random, 0, 200));
    const expected = bitwiseCrc(data, 0x82f63b78);
    const actual = crc32c(data);
    if (actual !== expected) throw new Error(`crc32c of ${data.length} bytes: got ${hex(actual)}, expected ${hex(expected)}`);
  }
});

test("crc32c: incremental equals one-shot over random splits", () => {
  const random = seededRandom(99);
  for (let round = 0; round < 60; round++) {
    const data = randomBytes(random, randomInt(random, 0, 150));
    const cut = randomInt(random, 0, data.length);
    const pieces = crc32c(data.subarray(cut), crc32c(data.subarray(0, cut)));
    const expected = crc32c(data);
    if (pieces !== expected) throw new Error(`${data.length} bytes split at ${cut}: got ${hex(pieces)}, expected ${hex(expected)}`);
  }
});

test("crc32c: reads only the bytes of a subarray view", () => {
  expect(hex(crc32c(asOffsetView(ascii("123456789"), 3, 11)))).toBe("0xe3069283");
});

// ---- adler32 --------------------------------------------------------------------

test("adler32: standard check values", () => {
  expect(hex(adler32(ascii("Wikipedia")))).toBe("0x11e60398");
  expect(hex(adler32(ascii("abc")))).toBe("0x024d0127");
  expect(hex(adler32(ascii("123456789")))).toBe("0x091e01de");
});

test("adler32: the empty input is 1", () => {
  expect(adler32(new Uint8Array(0))).toBe(1);
});

test("adler32: sums are taken modulo 65521 on long inputs", () => {
  expect(hex(adler32(new Uint8Array(100_000).fill(0xff)))).toBe("0x149a302c");
  const ramp = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256);
  expect(hex(adler32(ramp))).toBe("0x385e3671");
});

test("adler32: results are unsigned and match a reference on random inputs", () => {
  const random = seededRandom(65521);
  for (let round = 0; round < 40; round++) {
    const data = randomBytes(random, randomInt(random, 0, 3000));
    const expected = bitwiseAdler(data);
    const actual = adler32(data);
    if (actual !== expected) throw new Error(`adler32 of ${data.length} bytes: got ${hex(actual)}, expected ${hex(expected)}`);
  }
});

test("adler32: reads only the bytes of a subarray view", () => {
  expect(hex(adler32(asOffsetView(ascii("Wikipedia"), 5, 2)))).toBe("0x11e60398");
});

// ---- frame / unframe -------------------------------------------------------------

test("frame: length and crc are big-endian around the payload", () => {
  expect(list(frame(ascii("abc")))).toEqual([0, 0, 0, 3, 97, 98, 99, 0x35, 0x24, 0x41, 0xc2]);
});

test("frame: an empty payload is 8 bytes, and unframes to nothing", () => {
  expect(list(frame(new Uint8Array(0)))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  expect(list(unframe(frame(new Uint8Array(0))))).toEqual([]);
});

test("frame: lengths above 255 use all four length bytes", () => {
  const payload = new Uint8Array(300).fill(7);
  const framed = frame(payload);
  expect(framed.length).toBe(308);
  expect(list(framed.subarray(0, 4))).toEqual([0, 0, 1, 44]);
  const crc = crc32(payload);
  expect(list(framed.subarray(304))).toEqual([crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff]);
});

test("frame: a subarray payload frames only its own bytes", () => {
  expect(list(frame(asOffsetView(ascii("abc"), 4, 4)))).toEqual([0, 0, 0, 3, 97, 98, 99, 0x35, 0x24, 0x41, 0xc2]);
});

test("unframe: round-trips random payloads", () => {
  const random = seededRandom(808);
  for (let round = 0; round < 40; round++) {
    const payload = randomBytes(random, randomInt(random, 0, 120));
    expect(list(unframe(frame(payload)))).toEqual(list(payload));
  }
});

test("unframe: accepts a frame that is a subarray view", () => {
  const framed = frame(ascii("offset frame"));
  expect(list(unframe(asOffsetView(framed, 9, 3)))).toEqual(list(ascii("offset frame")));
});

test("unframe: a crc mismatch throws ChecksumMismatchError", () => {
  const framed = frame(ascii("payload"));
  framed[framed.length - 1] ^= 0x80;
  expect(() => unframe(framed)).toThrow(ChecksumMismatchError);
  const other = frame(ascii("payload"));
  other[4] = 0x50; // 'p' -> 'P'
  expect(() => unframe(other)).toThrow(ChecksumMismatchError);
});

test("unframe: a length field larger than the frame throws RangeError", () => {
  const framed = frame(ascii("abcdef"));
  framed[3] = 7;
  expect(() => unframe(framed)).toThrow(RangeError);
});

test("unframe: a length field smaller than the frame throws RangeError", () => {
  const framed = frame(ascii("abcdef"));
  framed[3] = 5;
  expect(() => unframe(framed)).toThrow(RangeError);
  // Trailing bytes after a well-formed frame are not allowed either.
  const padded = new Uint8Array(framed.length + 1);
  padded.set(frame(ascii("abcdef")));
  expect(() => unframe(padded)).toThrow(RangeError);
});

test("unframe: fewer than 8 bytes throws RangeError", () => {
  expect(() => unframe(new Uint8Array(0))).toThrow(RangeError);
  expect(() => unframe(new Uint8Array(7))).toThrow(RangeError);
});

test("unframe: every single-bit flip of a framed message is detected", () => {
  const payload = randomBytes(seededRandom(1), 24);
  const framed = frame(payload);
  for (let bit = 0; bit < framed.length * 8; bit++) {
    const copy = framed.slice();
    copy[bit >> 3] ^= 1 << (bit & 7);
    let error: unknown;
    try {
      unframe(copy);
    } catch (caught) {
      error = caught;
    }
    const inLength = bit < 32;
    const ok = inLength
      ? error instanceof RangeError
      : error instanceof ChecksumMismatchError && (error as Error).name === "ChecksumMismatchError";
    if (!ok) {
      const expected = inLength ? "RangeError" : "ChecksumMismatchError";
      throw new Error(`flipping bit ${bit} (byte ${bit >> 3}): expected ${expected}, got ${error === undefined ? "no error" : String(error)}`);
    }
  }
});
