import "server-only";
import type { MDXContent } from "mdx/types";
import { loadInterviewPrompt } from "./interviews";
import { evaluateMdx } from "./mdx";

const cache = new Map<string, { reference: string; Content: MDXContent }>();

/** The prompt's reference answer as a component; compiled once per file version. */
export async function renderInterviewReference(slug: string): Promise<MDXContent | undefined> {
  const prompt = loadInterviewPrompt(slug);
  if (!prompt) return undefined;
  const cached = cache.get(slug);
  if (cached && cached.reference === prompt.reference) return cached.Content;
  const Content = await evaluateMdx(prompt.reference);
  cache.set(slug, { reference: prompt.reference, Content });
  return Content;
}
