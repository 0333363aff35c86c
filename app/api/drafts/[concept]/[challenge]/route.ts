import { findChallengeOr404 } from "@/lib/challenges/find-challenge";
import { draftBodySchema } from "@/lib/challenges/schemas";
import { getDraft, saveDraft } from "@/lib/db/drafts";
import { HttpError } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { currentLearnerId, ensureLearnerId } from "@/lib/session/current-learner";

type Params = { concept: string; challenge: string };

// GET -> { code, updatedAt } of the caller's own draft, 404 when there is none.
export const GET = route<Params>(async (_request, { params }) => {
  const { concept, challenge } = await params;
  const found = findChallengeOr404(concept, challenge);
  const learnerId = await currentLearnerId();
  const draft = learnerId ? await getDraft(learnerId, found.id) : null;
  if (!draft) throw new HttpError(404, "no draft saved for this challenge yet");
  return Response.json(draft, { headers: { "cache-control": "no-store" } });
});

// PUT { code, baseUpdatedAt? } -> { updatedAt, replaced }: the newest save wins; `replaced`
// is the time of a version another tab or device saved since `baseUpdatedAt`, else null.
export const PUT = route<Params>(async (request, { params }) => {
  const { concept, challenge } = await params;
  const found = findChallengeOr404(concept, challenge);
  const { code, baseUpdatedAt } = await readJson(request, draftBodySchema, 256 * 1024);
  const learnerId = await ensureLearnerId();
  const base = baseUpdatedAt === undefined ? undefined : baseUpdatedAt === null ? null : new Date(baseUpdatedAt);
  return Response.json(await saveDraft(learnerId, found.id, code, base));
});

// POST does the same as PUT: navigator.sendBeacon (used when a tab closes) can only POST.
export const POST = PUT;
