import { z } from "zod";
import { listSubmissions } from "@/lib/db/submissions";
import { HttpError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { CHALLENGE_ID } from "@/lib/content/schemas";
import { currentLearnerId } from "@/lib/session/current-learner";

const query = z.string().regex(CHALLENGE_ID, "challenge must look like <concept>/<challenge>");

// GET /api/submissions?challenge=<id> -> the caller's own submissions, newest first.
export const GET = route(async (request) => {
  const parsed = query.safeParse(new URL(request.url).searchParams.get("challenge") ?? "");
  if (!parsed.success) throw new HttpError(400, parsed.error.issues[0]?.message ?? "bad challenge");
  const learnerId = await currentLearnerId();
  return Response.json({ submissions: learnerId ? await listSubmissions(learnerId, parsed.data) : [] });
});
