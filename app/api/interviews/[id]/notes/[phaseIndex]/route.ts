import { z } from "zod";
import { saveInterviewNote } from "@/lib/db/interviews";
import { HttpError } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { currentLearnerId } from "@/lib/session/current-learner";
import { asHttp, interviewIdOr400, notFound } from "../../../_lib/shared";

const noteSchema = z.object({
  text: z.string({ error: "text must be a string" }),
  version: z.number({ error: "version must be the version you last saw (0 for none)" }).int().min(0),
});

// JSON escapes can make a body up to six times its text; the 100 KB limit on the text
// itself is checked after parsing, with its own message.
const MAX_BODY_BYTES = 700 * 1024;

// PUT { text, version } -> { version } (the new one), or 409 { error, text, version } with
// what is stored when `version` is stale. Saved text is never overwritten by a stale writer.
export const PUT = route<{ id: string; phaseIndex: string }>(async (request, { params }) => {
  const { id: rawId, phaseIndex: rawPhase } = await params;
  const id = interviewIdOr400(rawId);
  if (!/^\d{1,2}$/.test(rawPhase)) throw new HttpError(400, `phase index must be a small whole number, not "${rawPhase.slice(0, 20)}"`);
  const { text, version } = await readJson(request, noteSchema, MAX_BODY_BYTES);
  const learnerId = await currentLearnerId();
  if (!learnerId) throw notFound();
  const result = await asHttp(() => saveInterviewNote(learnerId, id, Number(rawPhase), text, version));
  if (!result) throw notFound();
  if (!result.saved) {
    return Response.json({ error: "these notes changed elsewhere (another tab?); here is what is saved", text: result.text, version: result.version }, { status: 409 });
  }
  return Response.json({ version: result.version });
});

// sendBeacon (used when a tab closes) can only POST.
export const POST = PUT;
