import { route } from "@/lib/http/route";
import { NOTE_MAX_BODY_BYTES, noteBodySchema, noteParamsSchema } from "@/lib/interview/contract";
import { saveMyNote } from "@/lib/interview/service";

// PUT { text, version } -> { version } (the new one), or 409 { error, text, version } with
// what is stored when `version` is stale. Saved text is never overwritten by a stale writer.
export const PUT = route(
  { params: noteParamsSchema, body: noteBodySchema, maxBodyBytes: NOTE_MAX_BODY_BYTES, learner: "required", notFound: "interview not found", writeLimit: "note" },
  ({ params, body, learnerId }) => saveMyNote({ learnerId, id: params.id, phaseIndex: params.phaseIndex, ...body }),
);

// sendBeacon (used when a tab closes) can only POST.
export const POST = PUT;
