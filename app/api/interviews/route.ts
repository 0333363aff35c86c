import { z } from "zod";
import { loadInterviewPrompt } from "@/lib/content/interviews";
import { createInterview, listInterviews } from "@/lib/db/interviews";
import { HttpError } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { startTimer } from "@/lib/interview/timer";
import { interviewView } from "@/lib/interview/view";
import { currentLearnerId, ensureLearnerId } from "@/lib/session/current-learner";

const createSchema = z.object({ prompt: z.string({ error: "prompt must be the slug of an interview prompt" }).min(1).max(100) }).strict();

// POST { prompt } -> 201 and the new interview, its clock already running.
export const POST = route(async (request) => {
  const { prompt: slug } = await readJson(request, createSchema, 4 * 1024);
  const prompt = loadInterviewPrompt(slug);
  if (!prompt) throw new HttpError(404, `there is no interview prompt "${slug}"`);
  const learnerId = await ensureLearnerId();
  const now = Date.now();
  const interview = await createInterview(learnerId, prompt.slug, startTimer(prompt.phases, now));
  return Response.json(interviewView(interview, now), { status: 201, headers: { location: `/api/interviews/${interview.id}` } });
});

// GET -> the caller's interviews, newest first (no notes).
export const GET = route(async () => {
  const learnerId = await currentLearnerId();
  const now = Date.now();
  const interviews = learnerId ? await listInterviews(learnerId) : [];
  return Response.json({ interviews: interviews.map((interview) => interviewView(interview, now)) });
});
