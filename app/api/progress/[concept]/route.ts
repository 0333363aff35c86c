import { route } from "@/lib/http/route";
import { conceptParamsSchema, progressEventSchema } from "@/lib/progress/contract";
import { recordProgressEvent } from "@/lib/progress/record";

// POST /api/progress/<concept> { event: "lesson_read" } | { event: "quiz", correct, total } -> 204
export const POST = route(
  { params: conceptParamsSchema, body: progressEventSchema, maxBodyBytes: 4 * 1024, learner: "ensure", writeLimit: "progress" },
  ({ params, body, learnerId }) => recordProgressEvent(learnerId, params.concept, body),
);
