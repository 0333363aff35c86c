import { BOARD_MAX_BODY_BYTES, designCheckBodySchema } from "@/lib/design-board/contract";
import { checkBoardForPrompt } from "@/lib/design-board/service";
import { route } from "@/lib/http/route";

// POST { prompt, board } -> the DesignVerdict (docs/design-check.md). Stateless: nothing is
// stored; a board the parser refuses is a 400 naming the node or edge and the field, an
// unknown prompt a 404, and checks share the judge's per-learner rate (429 with Retry-After).
export const POST = route(
  { body: designCheckBodySchema, maxBodyBytes: BOARD_MAX_BODY_BYTES, learner: "ensure" },
  ({ body, learnerId }) => checkBoardForPrompt({ learnerId, prompt: body.prompt, board: body.board }),
);
