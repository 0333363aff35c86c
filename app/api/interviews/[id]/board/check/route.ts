import { boardParamsSchema } from "@/lib/design-board/contract";
import { checkMyBoard } from "@/lib/design-board/service";
import { route } from "@/lib/http/route";

// POST (no body) -> { verdict, boardVersion, checkedAt }: checks the board as saved and stores
// the verdict with the board version it judged; 409 when no board is saved yet.
export const POST = route({ params: boardParamsSchema, learner: "required", notFound: "interview not found" }, ({ params, learnerId }) =>
  checkMyBoard({ learnerId, id: params.id }),
);
