import "server-only";
import { statSync } from "node:fs";
import { evaluate } from "@mdx-js/mdx";
import type { MDXContent } from "mdx/types";
import * as runtime from "react/jsx-runtime";
import remarkGfm from "remark-gfm";
import { analyzeLesson, headingId, lessonFile, loadLessonSource, type LessonAnalysis, type LessonSource } from "./lessons";

export interface RenderedLesson {
  lesson: LessonSource;
  analysis: LessonAnalysis;
  Content: MDXContent;
}

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

function hastText(node: HastNode): string {
  if (node.type === "text") return node.value ?? "";
  return (node.children ?? []).map(hastText).join("");
}

/** Gives h2/h3 the ids the table of contents and #links use. */
function rehypeHeadingIds() {
  return (tree: HastNode) => {
    const walk = (node: HastNode) => {
      if (node.type === "element" && (node.tagName === "h2" || node.tagName === "h3")) {
        node.properties = { ...node.properties, id: headingId(hastText(node)) };
      }
      for (const child of node.children ?? []) walk(child);
    };
    walk(tree);
  };
}

const cache = new Map<string, { mtimeMs: number; rendered: RenderedLesson }>();

/** Compiles a lesson once per file version (dev edits show on reload). */
export async function renderLesson(slug: string): Promise<RenderedLesson | undefined> {
  const file = lessonFile(slug);
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
  const cached = cache.get(slug);
  if (cached && cached.mtimeMs === mtimeMs) return cached.rendered;
  const lesson = loadLessonSource(slug);
  if (!lesson) return undefined;
  const [analysis, compiled] = await Promise.all([
    analyzeLesson(lesson),
    evaluate(lesson.body, { ...runtime, remarkPlugins: [remarkGfm], rehypePlugins: [rehypeHeadingIds] }),
  ]);
  const rendered = { lesson, analysis, Content: compiled.default };
  cache.set(slug, { mtimeMs, rendered });
  return rendered;
}
