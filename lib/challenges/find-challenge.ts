import "server-only";
import { loadChallenge, type Challenge } from "../content/server-challenges";
import { HttpError } from "../http/errors";

/** The challenge at /<concept>/<challenge>, or a 404 that says which one was not found. */
export function findChallengeOr404(concept: string, challenge: string): Challenge {
  const found = loadChallenge(`${concept}/${challenge}`);
  if (!found) throw new HttpError(404, `unknown challenge "${concept}/${challenge}"`);
  return found;
}
