import { findChallengeOr404 } from "@/lib/challenges/find-challenge";
import { judgeCode } from "@/lib/challenges/judge-code";
import { codeBodySchema } from "@/lib/challenges/schemas";
import { HttpError } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { ensureLearnerId } from "@/lib/session/current-learner";

// POST /api/challenges/<concept>/<challenge>/run | /submit  { "code": "..." } -> verdict JSON
export const POST = route<{ concept: string; challenge: string; mode: string }>(async (request, { params }) => {
  const { concept, challenge: slug, mode } = await params;
  if (mode !== "run" && mode !== "submit") throw new HttpError(404, `unknown mode "${mode}": use /run or /submit`);
  const challenge = findChallengeOr404(concept, slug);
  const { code } = await readJson(request, codeBodySchema, 256 * 1024);
  const learnerId = await ensureLearnerId();
  const { verdict, submission, draftUpdatedAt } = await judgeCode({ learnerId, challenge, mode, code });
  return Response.json({ ...verdict, submission, draftUpdatedAt });
});
