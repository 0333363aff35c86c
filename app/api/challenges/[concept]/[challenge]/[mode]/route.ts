import { codeBodySchema, judgeModeOr404, judgeParamsSchema, MAX_CODE_BODY_BYTES } from "@/lib/challenges/contract";
import { findChallenge } from "@/lib/challenges/find-challenge";
import { judgeCode } from "@/lib/challenges/judge-code";
import { route } from "@/lib/http/route";

// POST /api/challenges/<concept>/<challenge>/run | /submit  { "code": "..." } -> verdict JSON
// (the run/submit token bucket is taken inside judgeCode, beside the draft save).
export const POST = route(
  { params: judgeParamsSchema, body: codeBodySchema, maxBodyBytes: MAX_CODE_BODY_BYTES, learner: "ensure" },
  async ({ request, params, body, learnerId, requestId }) => {
    const mode = judgeModeOr404(params.mode);
    const challenge = findChallenge(params.concept, params.challenge);
    const { verdict, submission, draftUpdatedAt, timing } = await judgeCode({ learnerId, challenge, mode, code: body.code, signal: request.signal, requestId });
    return Response.json(
      { ...verdict, submission, draftUpdatedAt },
      { headers: { "server-timing": `db;dur=${timing.databaseMs.toFixed(1)}, judge;dur=${timing.judgeMs.toFixed(1)}` } },
    );
  },
);
