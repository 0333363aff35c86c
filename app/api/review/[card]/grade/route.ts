import { route } from "@/lib/http/route";
import { cardParamsSchema, gradeBodySchema } from "@/lib/review/contract";
import { gradeReviewCard } from "@/lib/review/service";

// POST { grade: 1-4, version } -> the card's next due date; a stale version is a 409, another learner's card a 404.
export const POST = route(
  { params: cardParamsSchema, body: gradeBodySchema, maxBodyBytes: 1024, learner: "required", notFound: "review card not found", writeLimit: "review" },
  ({ params, body, learnerId }) => gradeReviewCard(learnerId, params.card, body),
);
