import { getInterview } from "@/lib/db/interviews";
import { route } from "@/lib/http/route";
import { interviewView } from "@/lib/interview/view";
import { currentLearnerId } from "@/lib/session/current-learner";
import { interviewIdOr400, notFound } from "../_lib/shared";

// GET -> one of the caller's interviews: clock, phases and notes; anyone else's is a 404.
export const GET = route<{ id: string }>(async (_request, { params }) => {
  const id = interviewIdOr400((await params).id);
  const learnerId = await currentLearnerId();
  const interview = learnerId ? await getInterview(learnerId, id) : null;
  if (!interview) throw notFound();
  return Response.json(interviewView(interview, Date.now()));
});
