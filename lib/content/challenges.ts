// Challenges on disk -> what the judge and the lesson page need. Solutions and
// hidden tests are loaded here too; app code reaches them only through
// lib/content/server-challenges.ts, which is marked server-only.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ContentError, parseOrThrow } from "./errors";
import { memoInProduction } from "./memo";
import { conceptDir } from "./paths";
import { challengeMetaSchema, CHALLENGE_ID, type ChallengeMeta } from "./schemas";
import { listConcepts } from "./catalog";

export interface Challenge extends ChallengeMeta {
  concept: string;
  slug: string;
  starter: string;
  solution: string;
  examples: string;
  hidden: string;
  mutants: Array<{ name: string; source: string }>;
  /** sha256 of every file the verdict depends on: a stored verdict names the content it was judged against. */
  contentHash: string;
  dir: string;
}

/** The parts of a challenge a browser may see. */
export interface PublicChallenge {
  id: string;
  concept: string;
  title: string;
  summary: string;
  exports: string[];
  starter: string;
  examples: string;
}

const cache = new Map<string, { hash: string; challenge: Challenge }>();

function read(dir: string, name: string): string {
  const file = path.join(dir, name);
  if (!existsSync(file)) throw new ContentError(file, name, "file is missing");
  return readFileSync(file, "utf8");
}

/** Loads a challenge by id ("rate-limiting/limiters"); undefined when no such challenge exists. */
export function loadChallenge(id: string): Challenge | undefined {
  if (!CHALLENGE_ID.test(id)) return undefined;
  // In production the files are read once; elsewhere re-read, and the hash keeps the object stable.
  return memoInProduction(`challenge:${id}`, () => readChallenge(id));
}

function readChallenge(id: string): Challenge | undefined {
  const [concept = "", slug = ""] = id.split("/");
  const entry = listConcepts().find((c) => c.slug === concept);
  if (!entry || entry.challenge !== id) return undefined;
  const dir = path.join(conceptDir(concept), "challenge");
  const metaFile = path.join(dir, "meta.json");
  if (!existsSync(metaFile)) return undefined;
  const metaSource = read(dir, "meta.json");
  let metaJson: unknown;
  try {
    metaJson = JSON.parse(metaSource);
  } catch (error) {
    throw new ContentError(metaFile, "(root)", `not valid JSON: ${(error as Error).message}`);
  }
  const meta = parseOrThrow(challengeMetaSchema, metaJson, metaFile);
  if (meta.id !== id) throw new ContentError(metaFile, "id", `must be "${id}" (the folder it sits in)`);

  const files = {
    starter: read(dir, "starter.ts"),
    solution: read(dir, "solution.ts"),
    examples: read(dir, "examples.test.ts"),
    hidden: read(dir, "hidden.test.ts"),
  };
  const mutantDir = path.join(dir, "mutants");
  const mutants = existsSync(mutantDir)
    ? readdirSync(mutantDir)
        .filter((name) => name.endsWith(".ts"))
        .sort()
        .map((name) => ({ name: name.replace(/\.ts$/, ""), source: readFileSync(path.join(mutantDir, name), "utf8") }))
    : [];
  const hash = createHash("sha256");
  for (const part of [metaSource, files.examples, files.hidden]) hash.update(part).update("\0");
  const contentHash = hash.digest("hex");

  const cached = cache.get(id);
  if (cached && cached.hash === contentHash) return cached.challenge;
  const challenge: Challenge = { ...meta, concept, slug, ...files, mutants, contentHash, dir };
  cache.set(id, { hash: contentHash, challenge });
  return challenge;
}

export function listChallenges(): Challenge[] {
  return listConcepts()
    .filter((concept) => concept.available)
    .map((concept) => {
      const challenge = loadChallenge(concept.challenge);
      if (!challenge) throw new ContentError(concept.slug, "challenge", `${concept.challenge} could not be loaded`);
      return challenge;
    });
}

export function toPublicChallenge(challenge: Challenge): PublicChallenge {
  return {
    id: challenge.id,
    concept: challenge.concept,
    title: challenge.title,
    summary: challenge.summary,
    exports: challenge.exports,
    starter: challenge.starter,
    examples: challenge.examples,
  };
}

/** What the judge runs: the challenge's tests and the names the learner must export. */
export function toJudgeSuite(challenge: Challenge) {
  return {
    id: challenge.id,
    requiredExports: challenge.exports,
    examplesSource: challenge.examples,
    hiddenSource: challenge.hidden,
    contentHash: challenge.contentHash,
  };
}
