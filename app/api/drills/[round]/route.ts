import { getPublicRound } from "@/lib/drill/service";
import { route } from "@/lib/http/route";
import { currentLearnerId } from "@/lib/session/current-learner";

// GET -> one of the caller's rounds; another learner's id is a 404.
export const GET = route<{ round: string }>(async (_request, { params }) => {
  const { round } = await params;
  return Response.json(await getPublicRound(await currentLearnerId(), round));
});
