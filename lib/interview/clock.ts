/**
 * The server's clock for interviews. Pages and routes read time through this one
 * function, so the timer itself stays pure and every "now" comes from the same place.
 */
export function serverNow(): number {
  return Date.now();
}
