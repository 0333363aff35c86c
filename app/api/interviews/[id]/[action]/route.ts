import { route } from "@/lib/http/route";
import { interviewActionParamsSchema, timerActionOr404 } from "@/lib/interview/contract";
import { applyMyInterviewAction } from "@/lib/interview/service";

// POST /api/interviews/<id>/<pause|resume|advance|finish|run-over> -> the interview after the action;
// 409 when the action does not fit its state (resuming a finished interview, say).
export const POST = route(
  { params: interviewActionParamsSchema, learner: "required", notFound: "interview not found", writeLimit: "interview" },
  ({ params, learnerId }) => applyMyInterviewAction({ learnerId, id: params.id, action: timerActionOr404(params.action) }),
);
