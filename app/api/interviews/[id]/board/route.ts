import { BOARD_MAX_BODY_BYTES, boardParamsSchema, saveBoardBodySchema } from "@/lib/design-board/contract";
import { getMyBoard, saveMyBoard } from "@/lib/design-board/service";
import { route } from "@/lib/http/route";

// GET -> { board, version, updatedAt, readOnly, check }: board null and version 0 before the first save.
export const GET = route({ params: boardParamsSchema, learner: "required", notFound: "interview not found" }, ({ params, learnerId }) =>
  getMyBoard({ learnerId, id: params.id }),
);

// PUT { board, version } -> { version, updatedAt } (the new version), or 409 { error, board,
// version } with what is stored when `version` is stale (nothing is overwritten), or 403
// once the interview has finished (its board is read-only).
export const PUT = route(
  { params: boardParamsSchema, body: saveBoardBodySchema, maxBodyBytes: BOARD_MAX_BODY_BYTES, learner: "required", notFound: "interview not found", writeLimit: "board" },
  ({ params, body, learnerId }) => saveMyBoard({ learnerId, id: params.id, board: body.board, version: body.version }),
);
