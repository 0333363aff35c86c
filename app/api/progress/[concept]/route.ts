import { readJson, route } from "@/lib/http/route";
import { progressEventSchema, recordProgressEvent } from "@/lib/progress/record";
import { ensureLearnerId } from "@/lib/session/current-learner";

// POST /api/progress/<concept> { event: "lesson_read" } | { event: "quiz", correct, total } -> 204
export const POST = route<{ concept: string }>(async (request, { params }) => {
  const { concept } = await params;
  const event = await readJson(request, progressEventSchema, 4 * 1024);
  await recordProgressEvent(await ensureLearnerId(), concept, event);
  return new Response(null, { status: 204 });
});
