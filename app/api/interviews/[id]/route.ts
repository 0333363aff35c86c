import { route } from "@/lib/http/route";
import { interviewParamsSchema } from "@/lib/interview/contract";
import { getMyInterview } from "@/lib/interview/service";

// GET -> one of the caller's interviews: clock, phases and notes; anyone else's is a 404.
export const GET = route({ params: interviewParamsSchema, learner: "required", notFound: "interview not found" }, ({ params, learnerId }) =>
  getMyInterview({ learnerId, id: params.id }),
);
