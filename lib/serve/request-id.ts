// Every request gets an id, logged and echoed as x-request-id, so a learner's report
// ("it failed at 06:02, id …") finds the line. A client may not choose it: an id from the
// request is kept only from a trusted proxy (which stamped it for its own logs), and only
// when it is a short plain token, so it cannot forge or bloat log lines.
import { randomUUID } from "node:crypto";
import type { TrustedProxies } from "../rate-limit/client-address";

export const REQUEST_ID_HEADER = "x-request-id";

const SANE_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function resolveRequestId(
  peer: string | undefined,
  incoming: string | string[] | undefined,
  trusted: TrustedProxies,
  newId: () => string = randomUUID,
): string {
  if (typeof incoming === "string" && SANE_ID.test(incoming) && peer !== undefined && trusted.size > 0 && trusted.contains(peer)) return incoming;
  return newId();
}
