// Pure logic for the checksum and CRC model: build a frame, flip bits, and report
// which checks notice. No React here, so it can be unit-tested.

const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let bit = 0; bit < 8; bit++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return (b * 65536 + a) >>> 0;
}

export function sum8(data: Uint8Array): number {
  let s = 0;
  for (const byte of data) s = (s + byte) & 0xff;
  return s;
}

export const MAX_MESSAGE = 10;

/** The bytes of a message, limited to printable ASCII so each character is one byte. */
export function messageBytes(text: string): Uint8Array {
  const codes: number[] = [];
  for (const ch of text.slice(0, MAX_MESSAGE)) {
    const code = ch.charCodeAt(0);
    codes.push(code >= 32 && code < 127 ? code : 63); // '?' for anything else
  }
  return Uint8Array.from(codes);
}

/** [length u32 BE][payload][crc32(payload) u32 BE] */
export function buildFrame(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(payload.length + 8);
  const view = new DataView(out.buffer);
  view.setUint32(0, payload.length);
  out.set(payload, 4);
  view.setUint32(4 + payload.length, crc32(payload));
  return out;
}

export type Region = "length" | "payload" | "crc";

export function regionOf(byteIndex: number, frameLength: number): Region {
  if (byteIndex < 4) return "length";
  if (byteIndex >= frameLength - 4) return "crc";
  return "payload";
}

export function flipBit(frame: Uint8Array, byteIndex: number, bit: number): Uint8Array {
  const copy = frame.slice();
  if (byteIndex >= 0 && byteIndex < copy.length) copy[byteIndex] = (copy[byteIndex] ?? 0) ^ (1 << bit);
  return copy;
}

/** Swaps two payload bytes: a change a plain sum cannot see. */
export function swapPayloadBytes(frame: Uint8Array, i: number, j: number): Uint8Array {
  const copy = frame.slice();
  const a = 4 + i;
  const b = 4 + j;
  if (a >= copy.length - 4 || b >= copy.length - 4) return copy;
  const tmp = copy[a] ?? 0;
  copy[a] = copy[b] ?? 0;
  copy[b] = tmp;
  return copy;
}

export interface Verdict {
  changedBits: number;
  lengthOk: boolean;
  storedCrc: number;
  computedCrc: number;
  crcDetects: boolean;
  sumDetects: boolean;
  adlerDetects: boolean;
  /** What unframe would do with the received bytes. */
  outcome: "ok" | "RangeError" | "ChecksumMismatchError";
}

function popcount(n: number): number {
  let count = 0;
  for (let x = n; x; x &= x - 1) count++;
  return count;
}

/** Compares what was sent with what arrived, as a receiver would see it. */
export function analyze(sent: Uint8Array, received: Uint8Array): Verdict {
  let changedBits = 0;
  for (let i = 0; i < sent.length; i++) changedBits += popcount(((sent[i] ?? 0) ^ (received[i] ?? 0)) & 0xff);
  const view = new DataView(received.buffer, received.byteOffset, received.byteLength);
  const declared = view.getUint32(0);
  const lengthOk = declared === received.length - 8;
  const payloadLength = received.length - 8;
  const payload = received.subarray(4, 4 + payloadLength);
  const sentPayload = sent.subarray(4, 4 + payloadLength);
  const storedCrc = view.getUint32(4 + payloadLength);
  const computedCrc = crc32(payload);
  const crcDetects = !lengthOk || storedCrc !== computedCrc;
  let trailerChanged = false;
  for (let i = received.length - 4; i < received.length; i++) if (received[i] !== sent[i]) trailerChanged = true;
  // The other checks are judged as if the trailer carried their value instead of the CRC.
  const sumDetects = !lengthOk || trailerChanged || sum8(payload) !== sum8(sentPayload);
  const adlerDetects = !lengthOk || trailerChanged || adler32(payload) !== adler32(sentPayload);
  const outcome = !lengthOk ? "RangeError" : storedCrc !== computedCrc ? "ChecksumMismatchError" : "ok";
  return { changedBits, lengthOk, storedCrc, computedCrc, crcDetects, sumDetects, adlerDetects, outcome };
}

export const hex32 = (n: number) => "0x" + (n >>> 0).toString(16).toUpperCase().padStart(8, "0");
export const hex8 = (n: number) => n.toString(16).toUpperCase().padStart(2, "0");

export function describe(sent: Uint8Array, received: Uint8Array, text: string): string {
  const v = analyze(sent, received);
  const head = `Frame for "${text}": ${sent.length} bytes (4 length, ${sent.length - 8} payload, 4 CRC-32).`;
  if (v.changedBits === 0) return `${head} No bits changed; the stored CRC-32 ${hex32(v.storedCrc)} matches.`;
  const checks =
    v.outcome === "RangeError"
      ? "The length field no longer matches the frame size, so unframe throws RangeError."
      : v.outcome === "ChecksumMismatchError"
        ? `Stored CRC-32 ${hex32(v.storedCrc)}, recomputed ${hex32(v.computedCrc)}: mismatch, unframe throws ChecksumMismatchError.`
        : `Stored and recomputed CRC-32 both ${hex32(v.computedCrc)}: the change went undetected.`;
  const others = v.lengthOk
    ? ` A sum of the bytes mod 256 would ${v.sumDetects ? "detect" : "miss"} it; Adler-32 would ${v.adlerDetects ? "detect" : "miss"} it.`
    : "";
  return `${head} ${v.changedBits} bit${v.changedBits === 1 ? "" : "s"} differ from what was sent. ${checks}${others}`;
}
