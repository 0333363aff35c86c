// solution-canary:checksum-crc (tests/e2e/bundle.spec.ts: this string must never reach a browser)
export class ChecksumMismatchError extends Error {
  override name = "ChecksumMismatchError";
}

/** The 256-entry table for a reflected CRC-32 polynomial: the effect of shifting one byte through. */
function makeTable(reflectedPoly: number): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let bit = 0; bit < 8; bit++) c = c & 1 ? (c >>> 1) ^ reflectedPoly : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

const IEEE = makeTable(0xedb88320);
const CASTAGNOLI = makeTable(0x82f63b78);

/**
 * One byte at a time through the table. The register starts at ~previous (so 0 means
 * "no bytes yet" and starts it at 0xFFFFFFFF) and is inverted again at the end.
 */
function update(table: Uint32Array, data: Uint8Array, previous: number): number {
  let c = ~previous >>> 0;
  for (let i = 0; i < data.length; i++) {
    c = (table[(c ^ data[i]!) & 0xff]! ^ (c >>> 8)) >>> 0;
  }
  return ~c >>> 0;
}

export function crc32(data: Uint8Array, previous = 0): number {
  return update(IEEE, data, previous);
}

export function crc32c(data: Uint8Array, previous = 0): number {
  return update(CASTAGNOLI, data, previous);
}

const ADLER_MOD = 65521; // the largest prime below 2^16

export function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length; i++) {
    a = (a + data[i]!) % ADLER_MOD;
    b = (b + a) % ADLER_MOD;
  }
  return ((b << 16) | a) >>> 0;
}

/** [length: u32 big-endian][payload][crc32(payload): u32 big-endian] */
export function frame(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(payload.length + 8);
  const view = new DataView(out.buffer);
  view.setUint32(0, payload.length);
  out.set(payload, 4);
  view.setUint32(4 + payload.length, crc32(payload));
  return out;
}

export function unframe(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 8) throw new RangeError(`a frame is at least 8 bytes, got ${bytes.length}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(0);
  if (length !== bytes.length - 8) {
    throw new RangeError(`length field says ${length} bytes, the frame carries ${bytes.length - 8}`);
  }
  const payload = bytes.slice(4, 4 + length);
  const expected = view.getUint32(4 + length);
  const actual = crc32(payload);
  if (actual !== expected) throw new ChecksumMismatchError(`crc32 ${actual} does not match ${expected}`);
  return payload;
}
