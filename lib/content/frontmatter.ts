import { readFileSync } from "node:fs";
import matter from "gray-matter";
import { ContentError } from "./errors";

/**
 * Splits an MDX file into its YAML frontmatter and body. A YAML error names the file.
 * The empty options object matters: without it gray-matter returns a cached object
 * shared by every file with the same text.
 */
export function readFrontmatter(file: string): { data: unknown; body: string } {
  try {
    const parsed = matter(readFileSync(file, "utf8"), {});
    return { data: parsed.data, body: parsed.content };
  } catch (error) {
    throw new ContentError(file, "frontmatter", `not valid YAML: ${(error as Error).message}`);
  }
}
