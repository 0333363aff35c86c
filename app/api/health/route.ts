import { databaseIsUp } from "@/lib/db/health";
import { env } from "@/lib/env";
import { judgeIsUp } from "@/lib/judge/health";

export const dynamic = "force-dynamic";

// GET /api/health -> 200 when the database and the judge answer, else 503 naming what is down.
export async function GET() {
  const [database, judge] = await Promise.all([databaseIsUp(), judgeIsUp(env().JUDGE_URL)]);
  return Response.json({ database, judge }, { status: database && judge ? 200 : 503 });
}
