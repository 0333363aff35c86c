// Mock interview prompts (content/interviews/<slug>.mdx) and the concept synonym
// lists (content/concepts/<slug>/keywords.json) the coverage check matches notes
// against. The MDX body is the reference answer, shown only once an interview ends.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_PHASES } from "../interview/timer";
import { listConcepts } from "./catalog";
import { ContentError, parseOrThrow } from "./errors";
import { readFrontmatter } from "./frontmatter";
import { conceptDir, contentRoot } from "./paths";
import { SLUG, designWorkloadSchema } from "./schemas";
import { parseBoard, type Board } from "../design/board";
import { CHECK_IDS, type CheckId } from "../design/catalog";

export const INTERVIEW_DIFFICULTIES = ["easy", "medium", "hard"] as const;

export const interviewFrontmatterSchema = z.object({
  title: z.string().min(4),
  difficulty: z.enum(INTERVIEW_DIFFICULTIES),
  brief: z.string().min(40, "the brief says what to design in a few sentences").max(1200),
  scale: z
    .array(z.object({ label: z.string().min(2), value: z.string().min(1) }))
    .min(3, "give at least 3 scale numbers to clarify")
    .max(10),
  phases: z
    .array(z.object({ name: z.string().min(2).max(60), minutes: z.number().int().min(1).max(60) }))
    .min(2)
    .max(6)
    .default(() => DEFAULT_PHASES.map((phase) => ({ ...phase }))),
  concepts: z.array(z.string().regex(SLUG)).min(3, "a strong answer uses at least 3 concepts").max(12),
  rubric: z.array(z.string().min(15).max(300)).min(6, "a prompt has 6-10 rubric points").max(10, "a prompt has 6-10 rubric points"),
  /** The design check's peak workload (docs/design-check.md). Optional in the schema; the content tests require it of every shipped prompt. */
  design: designWorkloadSchema.optional(),
});

export type InterviewFrontmatter = z.infer<typeof interviewFrontmatterSchema>;

export interface InterviewPrompt extends InterviewFrontmatter {
  slug: string;
  file: string;
  /** The reference answer (MDX). Never sent to a browser before the interview ends. */
  reference: string;
}

export function interviewsDir(): string {
  return path.join(contentRoot(), "interviews");
}

export function interviewFile(slug: string): string {
  return path.join(interviewsDir(), `${slug}.mdx`);
}

const promptCache = new Map<string, { mtimeMs: number; prompt: InterviewPrompt }>();

/** One prompt, validated; undefined when there is no such file. Concept slugs are checked against the catalog. */
export function loadInterviewPrompt(slug: string): InterviewPrompt | undefined {
  if (!SLUG.test(slug)) return undefined;
  const file = interviewFile(slug);
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
  const cached = promptCache.get(slug);
  if (cached && cached.mtimeMs === mtimeMs) return cached.prompt;
  const { data, body } = readFrontmatter(file);
  const frontmatter = parseOrThrow(interviewFrontmatterSchema, data, file);
  const known = new Set(listConcepts().map((concept) => concept.slug));
  frontmatter.concepts.forEach((concept, index) => {
    if (!known.has(concept)) throw new ContentError(file, `concepts.${index}`, `"${concept}" is not a concept slug in catalog.json`);
  });
  if (new Set(frontmatter.concepts).size !== frontmatter.concepts.length) throw new ContentError(file, "concepts", "lists a concept twice");
  if (body.trim().length < 200) throw new ContentError(file, "body", "the reference answer is missing or too short");
  const prompt = { ...frontmatter, slug, file, reference: body };
  promptCache.set(slug, { mtimeMs, prompt });
  return prompt;
}

export function interviewSlugs(): string[] {
  const dir = interviewsDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".mdx"))
    .map((name) => name.slice(0, -".mdx".length))
    .sort();
}

const DIFFICULTY_ORDER: Record<string, number> = { easy: 0, medium: 1, hard: 2 };

/** Every prompt, easiest first. Throws ContentError naming the file for a broken one. */
export function loadInterviewPrompts(): InterviewPrompt[] {
  return interviewSlugs()
    .map((slug) => {
      const prompt = loadInterviewPrompt(slug);
      if (!prompt) throw new ContentError(interviewFile(slug), "(file)", "could not be read");
      return prompt;
    })
    .sort((a, b) => (DIFFICULTY_ORDER[a.difficulty] ?? 0) - (DIFFICULTY_ORDER[b.difficulty] ?? 0) || a.title.localeCompare(b.title));
}

/** The public summary of every prompt (no rubric, no reference answer). */
export function listInterviewPrompts(): Array<{ slug: string; title: string; difficulty: string; concepts: string[]; brief: string }> {
  return loadInterviewPrompts().map(({ slug, title, difficulty, concepts, brief }) => ({ slug, title, difficulty, concepts: [...concepts], brief }));
}

const keywordsSchema = z.array(z.string().trim().min(2).max(60)).min(3, "list at least 3 synonyms").max(60);

export function keywordsFile(slug: string): string {
  return path.join(conceptDir(slug), "keywords.json");
}

/** Synonyms per concept, for every concept in the catalog; a concept without a file has none. */
export function loadConceptKeywords(): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const concept of listConcepts()) {
    const file = keywordsFile(concept.slug);
    if (!existsSync(file)) {
      result[concept.slug] = [];
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      throw new ContentError(file, "(root)", `not valid JSON: ${(error as Error).message}`);
    }
    const terms = parseOrThrow(keywordsSchema, value, file);
    if (new Set(terms).size !== terms.length) throw new ContentError(file, "(root)", "lists a synonym twice");
    result[concept.slug] = terms;
  }
  return result;
}

export const INTERVIEW_COMPONENTS = ["Callout", "Figure"] as const;

interface MdNode {
  type: string;
  name?: string | null;
  url?: string;
  children?: MdNode[];
}

/** Compiles the reference answer (a syntax error names its line) and checks its components and links. */
export async function checkInterviewReference(prompt: InterviewPrompt): Promise<{ components: string[]; links: string[] }> {
  const found = { components: [] as string[], links: [] as string[] };
  const collect = () => (tree: MdNode) => {
    const walk = (node: MdNode) => {
      if ((node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") && node.name && !found.components.includes(node.name)) {
        found.components.push(node.name);
      }
      if (node.type === "link" && node.url) found.links.push(node.url);
      for (const child of node.children ?? []) walk(child);
    };
    walk(tree);
  };
  const { compile } = await import("@mdx-js/mdx");
  const { default: remarkGfm } = await import("remark-gfm");
  try {
    await compile(prompt.reference, { remarkPlugins: [remarkGfm, collect] });
  } catch (error) {
    const place = (error as { line?: number }).line;
    throw new ContentError(prompt.file, place ? `body line ${place}` : "body", `MDX does not compile: ${(error as Error).message}`);
  }
  const unknown = found.components.filter((name) => /^[A-Z]/.test(name) && !(INTERVIEW_COMPONENTS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new ContentError(prompt.file, "body", `unknown component(s) ${unknown.join(", ")}; known: ${INTERVIEW_COMPONENTS.join(", ")}`);
  return found;
}

// The design check's boards for a prompt (content/interviews/<slug>/): the reference board,
// and flawed boards each named after the check it fails, with flawed.json saying which
// checks each fails and what the mistake is. See content/README.md.
const flawedManifestSchema = z.record(
  z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\.json$/, "a flawed board's file name is <check-id>-<what>.json"),
  z.strictObject({
    mistake: z.string().min(20, "say what the mistake is").max(300),
    fails: z.array(z.enum(CHECK_IDS)).min(1, "a flawed board fails at least one check"),
  }),
);

export interface InterviewBoard {
  /** Board file name (reference-board.json, or the flawed file's name). */
  name: string;
  file: string;
  board: Board;
}
export interface FlawedInterviewBoard extends InterviewBoard {
  mistake: string;
  /** The checks it fails, in check order; the first word of its name is one of them. */
  fails: CheckId[];
}
export interface InterviewBoards {
  slug: string;
  reference: InterviewBoard;
  flawed: FlawedInterviewBoard[];
}

export function interviewBoardsDir(slug: string): string {
  return path.join(interviewsDir(), slug);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ContentError(file, "(root)", `not valid JSON: ${(error as Error).message}`);
  }
}

function readBoard(file: string): Board {
  const result = parseBoard(readJson(file));
  if (!result.ok) throw new ContentError(file, "(board)", result.error);
  return result.board;
}

/** A prompt's reference and flawed boards, validated; undefined when the prompt has no boards folder. */
export function loadInterviewBoards(slug: string): InterviewBoards | undefined {
  if (!SLUG.test(slug)) return undefined;
  const dir = interviewBoardsDir(slug);
  const referenceFile = path.join(dir, "reference-board.json");
  if (!existsSync(referenceFile)) return undefined;
  const reference = { name: "reference-board.json", file: referenceFile, board: readBoard(referenceFile) };
  const manifestFile = path.join(dir, "flawed.json");
  const manifest = existsSync(manifestFile) ? parseOrThrow(flawedManifestSchema, readJson(manifestFile), manifestFile) : {};
  const flawedDir = path.join(dir, "flawed");
  const names = existsSync(flawedDir) ? readdirSync(flawedDir).filter((name) => name.endsWith(".json")).sort() : [];
  for (const name of Object.keys(manifest)) {
    if (!names.includes(name)) throw new ContentError(manifestFile, name, `lists a board that is not in ${slug}/flawed/`);
  }
  const flawed = names.map((name): FlawedInterviewBoard => {
    const file = path.join(flawedDir, name);
    const entry = manifest[name];
    if (!entry) throw new ContentError(manifestFile, name, "every flawed board needs an entry (mistake, fails)");
    const named = CHECK_IDS.find((id) => name.startsWith(`${id}-`));
    if (!named || !entry.fails.includes(named)) throw new ContentError(file, "(name)", `the name must start with a check it fails (${entry.fails.join(", ")})`);
    const fails = CHECK_IDS.filter((id) => entry.fails.includes(id));
    if (fails.length !== entry.fails.length) throw new ContentError(manifestFile, `${name}.fails`, "lists a check twice");
    return { name, file, board: readBoard(file), mistake: entry.mistake, fails };
  });
  return { slug, reference, flawed };
}
