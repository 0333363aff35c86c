import { challengeParamsSchema, draftBodySchema, MAX_CODE_BODY_BYTES } from "@/lib/challenges/contract";
import { getMyDraft, saveMyDraft } from "@/lib/challenges/drafts";
import { route } from "@/lib/http/route";

// GET -> { code, updatedAt } of the caller's own draft, 404 when there is none.
export const GET = route({ params: challengeParamsSchema, learner: "required", notFound: "no draft saved for this challenge yet" }, ({ params, learnerId }) =>
  getMyDraft({ learnerId, ...params }),
);

// PUT { code, baseUpdatedAt? } -> { updatedAt, replaced }: the newest save wins; `replaced`
// is the time of a version another tab or device saved since `baseUpdatedAt`, else null.
export const PUT = route(
  { params: challengeParamsSchema, body: draftBodySchema, maxBodyBytes: MAX_CODE_BODY_BYTES, learner: "ensure", writeLimit: "draft" },
  ({ params, body, learnerId }) => saveMyDraft({ learnerId, ...params, ...body }),
);

// POST does the same as PUT: navigator.sendBeacon (used when a tab closes) can only POST.
export const POST = PUT;
