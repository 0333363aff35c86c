import "server-only";
import { statSync } from "node:fs";
import type { MDXContent } from "mdx/types";
import { analyzeLesson, lessonFile, loadLessonSource, type LessonAnalysis, type LessonSource } from "./lessons";
import { evaluateMdx } from "./mdx";

export interface RenderedLesson {
  lesson: LessonSource;
  analysis: LessonAnalysis;
  Content: MDXContent;
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
  const [analysis, Content] = await Promise.all([analyzeLesson(lesson), evaluateMdx(lesson.body)]);
  const rendered = { lesson, analysis, Content };
  cache.set(slug, { mtimeMs, rendered });
  return rendered;
}
