import "server-only";
import { AppError } from "../app-error";
import { loadChallenge, type Challenge } from "../content/server-challenges";

/** The challenge at /<concept>/<challenge>, or a not_found that says which one. */
export function findChallenge(concept: string, challenge: string): Challenge {
  const found = loadChallenge(`${concept}/${challenge}`);
  if (!found) throw new AppError("not_found", `unknown challenge "${concept}/${challenge}"`);
  return found;
}
