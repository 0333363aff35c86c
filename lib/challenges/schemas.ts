import { z } from "zod";

export const MAX_CODE_BYTES = 64 * 1024;

export const codeBodySchema = z.object(
  {
    code: z
      .string({ error: (issue) => (issue.input === undefined ? "code is required" : "code must be a string") })
      .refine((code) => Buffer.byteLength(code, "utf8") <= MAX_CODE_BYTES, `code is larger than ${MAX_CODE_BYTES / 1024} KiB`),
  },
  { error: "body must be a JSON object with a code field" },
);

export const draftBodySchema = codeBodySchema.extend({
  /** The version of the draft the page last saved or loaded (ISO time), null when it had none. */
  baseUpdatedAt: z.iso.datetime({ offset: true, error: "baseUpdatedAt must be an ISO date-time" }).nullable().optional(),
});
