import { roundParamsSchema } from "@/lib/drill/contract";
import { getPublicRound } from "@/lib/drill/service";
import { route } from "@/lib/http/route";

// GET -> one of the caller's rounds; another learner's id is a 404.
export const GET = route({ params: roundParamsSchema, learner: "required", notFound: "drill round not found" }, ({ params, learnerId }) =>
  getPublicRound(learnerId, params.round),
);
