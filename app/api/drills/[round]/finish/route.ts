import { roundParamsSchema } from "@/lib/drill/contract";
import { finishDrillRound } from "@/lib/drill/service";
import { route } from "@/lib/http/route";

// POST -> the finished round with its score; finishing twice is a 409.
export const POST = route(
  { params: roundParamsSchema, learner: "required", notFound: "drill round not found", writeLimit: "drill" },
  ({ params, learnerId }) => finishDrillRound(learnerId, params.round),
);
