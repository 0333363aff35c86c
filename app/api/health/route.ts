import { healthReport } from "@/lib/db/health-report";
import { env } from "@/lib/env";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/health (readiness) -> 200 when the database answers and a judge worker is live,
// else 503; either way the database (up, latencyMs), the queue (depth, oldestJobAgeMs,
// liveWorkers), every problem in words and one `message` for people.
export const GET = route({}, async () => {
  const report = await healthReport(env().BLUEPRINT_HEALTH_TIMEOUT_MS);
  return Response.json(report, { status: report.status === "ok" ? 200 : 503 });
});
