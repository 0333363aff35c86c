import { answerBodySchema, answerScenario } from "@/lib/drill/service";
import { readJson, route } from "@/lib/http/route";
import { currentLearnerId } from "@/lib/session/current-learner";

// POST { scenarioId, chosen } -> right or wrong, the reason and the lesson link.
export const POST = route<{ round: string }>(async (request, { params }) => {
  const { round } = await params;
  const body = await readJson(request, answerBodySchema, 4 * 1024);
  return Response.json(await answerScenario(await currentLearnerId(), round, body), { status: 201 });
});
