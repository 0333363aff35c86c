import { getSubmission } from "@/lib/db/submissions";
import { HttpError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { currentLearnerId } from "@/lib/session/current-learner";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// GET /api/submissions/<id> -> one of the caller's submissions; anyone else's is a 404.
export const GET = route<{ id: string }>(async (_request, { params }) => {
  const { id } = await params;
  if (!UUID.test(id)) throw new HttpError(400, "submission id must be a UUID");
  const learnerId = await currentLearnerId();
  const submission = learnerId ? await getSubmission(learnerId, id) : null;
  if (!submission) throw new HttpError(404, "submission not found");
  return Response.json(submission);
});
