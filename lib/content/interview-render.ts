import "server-only";
import { evaluate } from "@mdx-js/mdx";
import type { MDXContent } from "mdx/types";
import * as runtime from "react/jsx-runtime";
import remarkGfm from "remark-gfm";
import { loadInterviewPrompt } from "./interviews";

const cache = new Map<string, { reference: string; Content: MDXContent }>();

/** The prompt's reference answer as a component; compiled once per file version. */
export async function renderInterviewReference(slug: string): Promise<MDXContent | undefined> {
  const prompt = loadInterviewPrompt(slug);
  if (!prompt) return undefined;
  const cached = cache.get(slug);
  if (cached && cached.reference === prompt.reference) return cached.Content;
  const compiled = await evaluate(prompt.reference, { ...runtime, remarkPlugins: [remarkGfm] });
  cache.set(slug, { reference: prompt.reference, Content: compiled.default });
  return compiled.default;
}
