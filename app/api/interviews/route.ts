import { route } from "@/lib/http/route";
import { createInterviewBodySchema } from "@/lib/interview/contract";
import { listMyInterviews, startInterview } from "@/lib/interview/service";

// POST { prompt } -> 201 and the new interview, its clock already running.
export const POST = route(
  { body: createInterviewBodySchema, maxBodyBytes: 4 * 1024, learner: "ensure", writeLimit: "interview" },
  async ({ body, learnerId }) => {
    const interview = await startInterview({ learnerId, prompt: body.prompt });
    return Response.json(interview, { status: 201, headers: { location: `/api/interviews/${interview.id}` } });
  },
);

// GET -> the caller's interviews, newest first (no notes).
export const GET = route({ learner: "optional" }, async ({ learnerId }) => ({ interviews: await listMyInterviews({ learnerId }) }));
