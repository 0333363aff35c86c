// Ids in paths and bodies: one schema, so every route answers a malformed id the same way
// (400, "<field>: ... is not an id") and a well-formed unknown one with its own 404.
// No server-only imports: the browser may use it too.
import { z } from "zod";

/** Any 8-4-4-4-12 hex id, as PostgreSQL's uuid type stores it. */
export const uuidSchema = z.guid({
  error: (issue) => `${typeof issue.input === "string" ? `"${issue.input.slice(0, 60)}"` : "this"} is not an id (expected a UUID)`,
});

/** A path segment that must be a whole number from 0 to `max` (a phase index, say). */
export function indexSchema(max: number) {
  return z
    .string()
    .regex(/^\d{1,4}$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().int().min(0).max(max, `must be at most ${max}`));
}
