import { route } from "@/lib/http/route";
import { interviewParamsSchema, rubricBodySchema } from "@/lib/interview/contract";
import { scoreMyInterview } from "@/lib/interview/service";

// PUT { scores: [0|1|2 per rubric point] } -> { scores, percent }; only once the interview has finished.
export const PUT = route(
  { params: interviewParamsSchema, body: rubricBodySchema, maxBodyBytes: 4 * 1024, learner: "required", notFound: "interview not found", writeLimit: "interview" },
  ({ params, body, learnerId }) => scoreMyInterview({ learnerId, id: params.id, scores: body.scores }),
);
