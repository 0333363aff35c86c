import { applyInterviewAction } from "@/lib/db/interviews";
import { HttpError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import type { TimerAction } from "@/lib/interview/timer";
import { interviewView } from "@/lib/interview/view";
import { currentLearnerId } from "@/lib/session/current-learner";
import { asHttp, interviewIdOr400, notFound } from "../../_lib/shared";

const ACTIONS: readonly TimerAction[] = ["pause", "resume", "advance", "finish", "run-over"];

// POST /api/interviews/<id>/<pause|resume|advance|finish|run-over> -> the interview after the action;
// 409 when the action does not fit its state (resuming a finished interview, say).
export const POST = route<{ id: string; action: string }>(async (_request, { params }) => {
  const { id: rawId, action } = await params;
  if (!(ACTIONS as readonly string[]).includes(action)) {
    throw new HttpError(404, `unknown interview action "${action.slice(0, 40)}"; one of ${ACTIONS.join(", ")}`);
  }
  const id = interviewIdOr400(rawId);
  const learnerId = await currentLearnerId();
  if (!learnerId) throw notFound();
  const now = Date.now();
  const interview = await asHttp(() => applyInterviewAction(learnerId, id, action as TimerAction, now));
  if (!interview) throw notFound();
  return Response.json(interviewView(interview, now));
});
