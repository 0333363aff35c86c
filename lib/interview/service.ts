import "server-only";
// Mock interviews behind the routes and pages: each function takes the learner and what
// the request named, and throws AppError for anything the caller got wrong. Another
// learner's interview is the same 404 as one that does not exist.
import { AppError } from "../app-error";
import { loadInterviewPrompt } from "../content/interviews";
import * as interviews from "../db/interviews";
import { makeRoomForInterview } from "../db/storage-caps";
import { serverNow } from "./clock";
import { startTimer, TimerTransitionError, type TimerAction } from "./timer";
import { interviewView, rubricPercent, type InterviewView } from "./view";

const notFound = () => new AppError("not_found", "interview not found");

/** Timer transitions that do not fit the state (resuming a finished interview) are conflicts. */
async function asConflict<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TimerTransitionError) throw new AppError("conflict", error.message);
    throw error;
  }
}

export async function startInterview(options: { learnerId: string; prompt: string; now?: number }): Promise<InterviewView> {
  const prompt = loadInterviewPrompt(options.prompt);
  if (!prompt) throw new AppError("not_found", `there is no interview prompt "${options.prompt}"`);
  const now = options.now ?? serverNow();
  await makeRoomForInterview(options.learnerId);
  return interviewView(await interviews.createInterview(options.learnerId, prompt.slug, startTimer(prompt.phases, now)), now);
}

export async function listMyInterviews(options: { learnerId: string | null; now?: number }): Promise<InterviewView[]> {
  if (!options.learnerId) return [];
  const now = options.now ?? serverNow();
  return (await interviews.listInterviews(options.learnerId)).map((interview) => interviewView(interview, now));
}

export async function getMyInterview(options: { learnerId: string; id: string; now?: number }): Promise<InterviewView> {
  const interview = await interviews.getInterview(options.learnerId, options.id);
  if (!interview) throw notFound();
  return interviewView(interview, options.now ?? serverNow());
}

export async function applyMyInterviewAction(options: { learnerId: string; id: string; action: TimerAction; now?: number }): Promise<InterviewView> {
  const now = options.now ?? serverNow();
  const interview = await asConflict(() => interviews.applyInterviewAction(options.learnerId, options.id, options.action, now));
  if (!interview) throw notFound();
  return interviewView(interview, now);
}

/**
 * Saves a phase's notes if `version` is the one the writer last saw; a stale version is a
 * conflict whose details carry the stored text and version, so the page can merge.
 */
export async function saveMyNote(options: { learnerId: string; id: string; phaseIndex: number; text: string; version: number }): Promise<{ version: number }> {
  const result = await interviews.saveInterviewNote(options.learnerId, options.id, options.phaseIndex, options.text, options.version);
  if (!result) throw notFound();
  if (!result.saved) {
    throw new AppError("conflict", "these notes changed elsewhere (another tab?); here is what is saved", {
      details: { text: result.text, version: result.version },
    });
  }
  return { version: result.version };
}

/** The learner's self-assessment, one score per rubric point, once the interview has finished. */
export async function scoreMyInterview(options: { learnerId: string; id: string; scores: number[] }): Promise<{ scores: number[]; percent: number | null }> {
  const prompt = await interviews.findInterviewPrompt(options.learnerId, options.id);
  if (prompt === null) throw notFound();
  const points = loadInterviewPrompt(prompt)?.rubric.length ?? 0;
  if (options.scores.length !== points) throw new AppError("bad_request", `this prompt has ${points} rubric points; send one score for each`);
  const saved = await interviews.saveRubricScores(options.learnerId, options.id, options.scores);
  if (!saved) throw notFound();
  return { scores: saved.rubricScores ?? [], percent: rubricPercent(saved.rubricScores, points) };
}
