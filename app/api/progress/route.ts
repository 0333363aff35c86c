import { route } from "@/lib/http/route";
import { progressReport } from "@/lib/progress/progress";

// GET /api/progress -> the caller's progress on every concept, totals and streak.
export const GET = route({ learner: "optional" }, ({ learnerId }) => progressReport(learnerId));
