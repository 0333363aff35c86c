import { route } from "@/lib/http/route";
import { dueCards } from "@/lib/review/service";

// GET -> the caller's review cards due now (oldest first) with question and answer, and how many come later.
export const GET = route({ learner: "optional" }, ({ learnerId }) => dueCards(learnerId));
