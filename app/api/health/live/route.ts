import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/health/live (liveness) -> 200 { ok: true } while this process serves requests.
// It touches nothing else, so a load balancer's check every half second costs the database
// nothing and a database outage does not take every app server out at once.
export const GET = route({}, async () => ({ ok: true }));
