import { z } from "zod";
import { loadInterviewPrompt } from "@/lib/content/interviews";
import { getInterview, saveRubricScores } from "@/lib/db/interviews";
import { HttpError } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { RUBRIC_MAX_PER_POINT, rubricPercent } from "@/lib/interview/view";
import { currentLearnerId } from "@/lib/session/current-learner";
import { asHttp, interviewIdOr400, notFound } from "../../_lib/shared";

const rubricSchema = z.object({
  scores: z.array(z.number().int().min(0).max(RUBRIC_MAX_PER_POINT, `each score is 0, 1 or ${RUBRIC_MAX_PER_POINT}`)).max(20),
});

// PUT { scores: [0|1|2 per rubric point] } -> { scores, percent }; only once the interview has finished.
export const PUT = route<{ id: string }>(async (request, { params }) => {
  const id = interviewIdOr400((await params).id);
  const { scores } = await readJson(request, rubricSchema, 4 * 1024);
  const learnerId = await currentLearnerId();
  const interview = learnerId ? await getInterview(learnerId, id) : null;
  if (!learnerId || !interview) throw notFound();
  const points = loadInterviewPrompt(interview.prompt)?.rubric.length ?? 0;
  if (scores.length !== points) throw new HttpError(400, `this prompt has ${points} rubric points; send one score for each`);
  const saved = await asHttp(() => saveRubricScores(learnerId, id, scores));
  if (!saved) throw notFound();
  return Response.json({ scores: saved.rubricScores, percent: rubricPercent(saved.rubricScores, points) });
});
