import { createHash, timingSafeEqual } from "node:crypto";
import { AppError } from "../app-error";

/**
 * GET /metrics is open unless BLUEPRINT_METRICS_TOKEN is set; then only
 * `Authorization: Bearer <token>` gets in (others: 401). Read per request from the process
 * environment, so a deployment can turn it on without a rebuild.
 */
export function assertMetricsAccess(request: Request, token: string | undefined = process.env.BLUEPRINT_METRICS_TOKEN): void {
  if (!token) return;
  const given = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  // Compared as hashes: equal length for timingSafeEqual, and no timing hint of the token's length.
  const digest = (text: string) => createHash("sha256").update(text).digest();
  if (!timingSafeEqual(digest(given), digest(token))) {
    throw new AppError("unauthorized", "GET /metrics needs Authorization: Bearer <BLUEPRINT_METRICS_TOKEN>");
  }
}
