import type { z } from "zod";
import { displayPath } from "./paths";

/** A content problem, named by file and field so an author can fix it at once. */
export class ContentError extends Error {
  override name = "ContentError";
  constructor(
    readonly file: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${displayPath(file)}: ${field}: ${problem}`);
  }
}

export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join(".") : "(root)";
  throw new ContentError(file, field, issue?.message ?? "invalid");
}
