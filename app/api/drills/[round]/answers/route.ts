import { answerBodySchema, roundParamsSchema } from "@/lib/drill/contract";
import { answerScenario } from "@/lib/drill/service";
import { route } from "@/lib/http/route";

// POST { scenarioId, chosen } -> right or wrong, the reason and the lesson link.
export const POST = route(
  { params: roundParamsSchema, body: answerBodySchema, maxBodyBytes: 4 * 1024, learner: "required", notFound: "drill round not found", writeLimit: "drill", status: 201 },
  ({ params, body, learnerId }) => answerScenario(learnerId, params.round, body),
);
