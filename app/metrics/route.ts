import { route } from "@/lib/http/route";
import { assertMetricsAccess } from "@/lib/metrics/access";
import { refreshQueueGauges } from "@/lib/metrics/queue-gauges";
import { metricsContentType, metricsText } from "@/lib/metrics/registry";

// Never prerendered: every scrape reads this process's counters and the queue now.
export const dynamic = "force-dynamic";

// GET /metrics -> Prometheus text format (prom-client): submissions by verdict, judge time and
// queue wait histograms, 429/503 refusals, the queue's gauges and the process's own metrics.
// With BLUEPRINT_METRICS_TOKEN set, only `Authorization: Bearer <token>` (else 401).
export const GET = route({}, async ({ request }) => {
  assertMetricsAccess(request);
  await refreshQueueGauges(1000);
  return new Response(await metricsText(), { headers: { "content-type": metricsContentType() } });
});
