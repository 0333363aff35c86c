import { existsSync } from "node:fs";
import path from "node:path";

/**
 * Where content lives. Everything under it is read through lib/content only.
 * The app and npm scripts run from the project root; BLUEPRINT_CONTENT_DIR overrides.
 */
export function contentRoot(): string {
  if (process.env.BLUEPRINT_CONTENT_DIR) return process.env.BLUEPRINT_CONTENT_DIR;
  const fromCwd = path.join(process.cwd(), "content");
  if (existsSync(fromCwd)) return fromCwd;
  throw new Error(`content/ not found under ${process.cwd()}: run from the project root or set BLUEPRINT_CONTENT_DIR`);
}

export function conceptDir(slug: string): string {
  return path.join(contentRoot(), "concepts", slug);
}

/** A path shown in error messages: relative to the project, so it is short and clickable. */
export function displayPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}
