import { route } from "@/lib/http/route";
import { summaryQuerySchema } from "@/lib/review/contract";
import { reviewSummary } from "@/lib/review/service";

// GET ?offset=<minutes east of UTC> -> due now, today and on each of the next 7 local days, retention per concept.
export const GET = route({ query: summaryQuerySchema, learner: "optional" }, ({ query, learnerId }) => reviewSummary(learnerId, new Date(), query.offset ?? 0));
