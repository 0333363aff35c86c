import { submissionParamsSchema } from "@/lib/challenges/contract";
import { getMySubmission } from "@/lib/challenges/submissions";
import { route } from "@/lib/http/route";

// GET /api/submissions/<id> -> one of the caller's submissions; anyone else's is a 404.
export const GET = route({ params: submissionParamsSchema, learner: "required", notFound: "submission not found" }, ({ params, learnerId }) =>
  getMySubmission({ learnerId, id: params.id }),
);
