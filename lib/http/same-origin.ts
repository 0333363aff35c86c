// The same-origin rule for writes, checked by the route wrapper (lib/http/route.ts) and the
// accounts route before anything else runs. It used to live in a Next.js proxy (middleware),
// which cost every API request a trip through Next's proxy sandbox (docs/decisions/025).

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export const CROSS_ORIGIN_MESSAGE = "cross-origin request refused: writes must come from this site";

/** A browser write from another site is refused; requests without Origin (curl, scripts) carry no cookies of a victim. */
export function crossOriginWrite(request: Pick<Request, "method" | "headers">): boolean {
  if (!WRITE_METHODS.has(request.method)) return false;
  if (request.headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
