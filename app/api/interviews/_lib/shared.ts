import "server-only";
import { InterviewInputError } from "@/lib/db/interviews";
import { HttpError } from "@/lib/http/errors";
import { TimerTransitionError } from "@/lib/interview/timer";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id is the caller's mistake (400); a well-formed unknown one is a 404 later. */
export function interviewIdOr400(id: string): string {
  if (!UUID.test(id)) throw new HttpError(400, `"${id.slice(0, 60)}" is not an interview id (expected a UUID)`);
  return id;
}

export const notFound = () => new HttpError(404, "interview not found");

/** Domain errors from lib/interview and lib/db as the 4xx they stand for. */
export async function asHttp<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TimerTransitionError) throw new HttpError(409, error.message);
    if (error instanceof InterviewInputError) {
      throw new HttpError(error.kind === "too-large" ? 413 : error.kind === "state" ? 409 : 400, error.message);
    }
    throw error;
  }
}
