import { databaseHealth } from "@/lib/db/health";
import { env } from "@/lib/env";
import { route } from "@/lib/http/route";
import { judgeHealth } from "@/lib/judge/health";

export const dynamic = "force-dynamic";

// GET /api/health -> 200 when the database and the judge answer, else 503; either way each
// piece with `up` and, when down, the `problem` in words, and one `message` for people.
export const GET = route({}, async () => {
  const { JUDGE_URL, BLUEPRINT_HEALTH_TIMEOUT_MS: timeoutMs } = env();
  const [database, judge] = await Promise.all([databaseHealth(timeoutMs), judgeHealth(JUDGE_URL, timeoutMs)]);
  const down = [
    ...(database.up ? [] : [`the database is down: ${database.problem}`]),
    ...(judge.up ? [] : [`the judge is down: ${judge.problem}`]),
  ];
  const message = down.length === 0 ? "the database and the judge are up" : down.join("; ");
  return Response.json({ status: down.length === 0 ? "ok" : "down", message, database, judge }, { status: down.length === 0 ? 200 : 503 });
});
