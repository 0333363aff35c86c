import { challengeQuerySchema } from "@/lib/challenges/contract";
import { listMySubmissions } from "@/lib/challenges/submissions";
import { route } from "@/lib/http/route";

// GET /api/submissions?challenge=<id> -> the caller's own submissions, newest first.
export const GET = route({ query: challengeQuerySchema, learner: "optional" }, async ({ query, learnerId }) => ({
  submissions: await listMySubmissions({ learnerId, challengeId: query.challenge }),
}));
