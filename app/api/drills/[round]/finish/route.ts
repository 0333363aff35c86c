import { finishDrillRound } from "@/lib/drill/service";
import { route } from "@/lib/http/route";
import { currentLearnerId } from "@/lib/session/current-learner";

// POST -> the finished round with its score; finishing twice is a 409.
export const POST = route<{ round: string }>(async (_request, { params }) => {
  const { round } = await params;
  return Response.json(await finishDrillRound(await currentLearnerId(), round));
});
