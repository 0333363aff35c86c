import { route } from "@/lib/http/route";
import { conceptParamsSchema } from "@/lib/progress/contract";
import { lessonLearnerState } from "@/lib/progress/lesson-state";

// GET /api/concepts/<slug>/learner -> the caller's progress, draft and submissions for that
// lesson: the per-learner part of a lesson page, whose HTML is static. No write on a GET.
export const GET = route({ params: conceptParamsSchema, learner: "optional" }, ({ params, learnerId }) => lessonLearnerState(learnerId, params.concept));
