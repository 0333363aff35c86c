import { openPublicRound } from "@/lib/drill/service";
import { route } from "@/lib/http/route";

// GET -> the caller's unfinished round, or null: the drill page is static and asks after it loads.
export const GET = route({ learner: "optional" }, async ({ learnerId }) => ({ round: await openPublicRound(learnerId) }));
