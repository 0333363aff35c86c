import { route } from "@/lib/http/route";
import { progressReport } from "@/lib/progress/progress";
import { currentLearnerId } from "@/lib/session/current-learner";

// GET /api/progress -> the caller's progress on every concept, totals and streak.
export const GET = route(async () => Response.json(await progressReport(await currentLearnerId())));
