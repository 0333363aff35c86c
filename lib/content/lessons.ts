// Lessons: MDX with zod-validated frontmatter. One parse gives both what the page
// renders and what the content checks look at (headings, links, code, components).
import { existsSync } from "node:fs";
import path from "node:path";
import { compile } from "@mdx-js/mdx";
import remarkGfm from "remark-gfm";
import { ContentError, parseOrThrow } from "./errors";
import { readFrontmatter } from "./frontmatter";
import { LESSON_COMPONENTS } from "./lesson-components";
import { conceptDir } from "./paths";
import { lessonFrontmatterSchema, type LessonFrontmatter } from "./schemas";

export const REQUIRED_SECTIONS = [
  "The problem",
  "How it works",
  "Variants and trade-offs",
  "Numbers",
  "In real systems",
  "When not to use it",
  "Interview follow-ups",
  "The challenge",
] as const;

export const WORDS_PER_MINUTE = 200;

export interface LessonSource {
  slug: string;
  file: string;
  frontmatter: LessonFrontmatter;
  body: string;
}

export interface LessonAnalysis {
  headings: Array<{ depth: number; text: string; id: string }>;
  links: string[];
  codeBlocks: Array<{ lang: string; code: string; line: number }>;
  components: string[];
  words: number;
  readingMinutes: number;
}

export function lessonFile(slug: string): string {
  return path.join(conceptDir(slug), "lesson.mdx");
}

export function loadLessonSource(slug: string): LessonSource | undefined {
  const file = lessonFile(slug);
  if (!existsSync(file)) return undefined;
  const { data, body } = readFrontmatter(file);
  const frontmatter = parseOrThrow(lessonFrontmatterSchema, data, file);
  if (frontmatter.concept !== slug) throw new ContentError(file, "concept", `must be "${slug}" (the folder it sits in)`);
  return { slug, file, frontmatter, body };
}

export function headingId(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, "")
    .trim()
    .replace(/\s+/g, "-");
}

interface MdNode {
  type: string;
  depth?: number;
  value?: string;
  url?: string;
  lang?: string | null;
  name?: string | null;
  position?: { start: { line: number } };
  children?: MdNode[];
}

function textOf(node: MdNode): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value ?? "";
  return (node.children ?? []).map(textOf).join("");
}

function countWords(node: MdNode): number {
  if (node.type === "code" || node.type === "mdxjsEsm" || node.type === "mdxFlowExpression") return 0;
  if (node.type === "text" || node.type === "inlineCode") return (node.value ?? "").split(/\s+/).filter(Boolean).length;
  return (node.children ?? []).reduce((sum, child) => sum + countWords(child), 0);
}

/** Compiles the MDX (so a syntax error surfaces with its line) and collects what the checks need. */
export async function analyzeLesson(lesson: LessonSource): Promise<LessonAnalysis> {
  const analysis: LessonAnalysis = { headings: [], links: [], codeBlocks: [], components: [], words: 0, readingMinutes: 0 };
  const collect = () => (tree: MdNode) => {
    const walk = (node: MdNode) => {
      if (node.type === "heading") {
        const text = textOf(node);
        analysis.headings.push({ depth: node.depth ?? 0, text, id: headingId(text) });
      } else if (node.type === "link" && node.url) analysis.links.push(node.url);
      else if (node.type === "code") analysis.codeBlocks.push({ lang: node.lang ?? "", code: node.value ?? "", line: node.position?.start.line ?? 0 });
      else if ((node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") && node.name) {
        if (!analysis.components.includes(node.name)) analysis.components.push(node.name);
      }
      for (const child of node.children ?? []) walk(child);
    };
    walk(tree);
    analysis.words = countWords(tree);
  };
  try {
    await compile(lesson.body, { remarkPlugins: [remarkGfm, collect] });
  } catch (error) {
    const place = (error as { line?: number }).line;
    throw new ContentError(lesson.file, place ? `body line ${place}` : "body", `MDX does not compile: ${(error as Error).message}`);
  }
  analysis.readingMinutes = Math.max(1, Math.ceil(analysis.words / WORDS_PER_MINUTE));
  const unknown = analysis.components.filter(
    (name) => !(LESSON_COMPONENTS as readonly string[]).includes(name) && !/^[a-z]/.test(name),
  );
  if (unknown.length > 0) {
    throw new ContentError(lesson.file, "body", `unknown component(s) ${unknown.join(", ")}; known: ${LESSON_COMPONENTS.join(", ")}`);
  }
  return analysis;
}
