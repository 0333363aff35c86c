/** Thrown by unframe when the payload's CRC does not match the trailer. */
export class ChecksumMismatchError extends Error {
  override name = "ChecksumMismatchError";
}

/**
 * CRC-32 (IEEE 802.3): reflected, polynomial 0xEDB88320, register starts at 0xFFFFFFFF
 * and is inverted at the end. `previous` is the value returned for the bytes before
 * these (0 for none), so crc32(b, crc32(a)) equals crc32 of a followed by b.
 * Build a 256-entry table once and process a byte per step.
 */
export function crc32(data: Uint8Array, previous = 0): number {
  void data;
  void previous;
  return 0;
}

/** CRC-32C (Castagnoli): the same algorithm with polynomial 0x82F63B78. */
export function crc32c(data: Uint8Array, previous = 0): number {
  void data;
  void previous;
  return 0;
}

/** Adler-32: a = 1 + sum of bytes, b = sum of the running a values, both mod 65521; result (b << 16) | a. */
export function adler32(data: Uint8Array): number {
  void data;
  return 1;
}

/** 4-byte big-endian payload length, the payload, then the 4-byte big-endian crc32 of the payload. */
export function frame(payload: Uint8Array): Uint8Array {
  return payload.slice();
}

/** The payload of a frame; RangeError when the length field is not bytes.length - 8, ChecksumMismatchError on a bad CRC. */
export function unframe(bytes: Uint8Array): Uint8Array {
  return bytes.slice();
}
