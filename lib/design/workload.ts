// A prompt's peak traffic (design-check.md, "The workload"): the `design:` key of each
// content/interviews/<slug>.mdx frontmatter, validated by the content loader with this schema.
import { z } from "zod";

export const MAX_STREAMS = 10;

export const designStreamSchema = z.strictObject({
  name: z.string().trim().min(1).max(40),
  type: z.enum(["read", "write"]),
  rps: z.number().min(0).max(1e9),
  p99Ms: z.number().positive().max(1e7),
});

export const designWorkloadSchema = z
  .strictObject({
    streams: z.array(designStreamSchema).min(1, "a workload has at least one stream").max(MAX_STREAMS),
    dataGb: z.number().min(0).max(1e9),
    maxHitRatio: z
      .strictObject({ cache: z.number().min(0).max(1).optional(), cdn: z.number().min(0).max(1).optional() })
      .optional(),
    async: z.array(z.string()).optional(),
  })
  .superRefine((workload, ctx) => {
    const names = new Set<string>();
    workload.streams.forEach((stream, index) => {
      if (names.has(stream.name)) ctx.addIssue({ code: "custom", path: ["streams", index, "name"], message: `a second stream named "${stream.name}"` });
      names.add(stream.name);
    });
    (workload.async ?? []).forEach((name, index) => {
      if (!names.has(name)) ctx.addIssue({ code: "custom", path: ["async", index], message: `"${name}" is not one of the streams` });
    });
  });

export type DesignStream = z.infer<typeof designStreamSchema>;
export type DesignWorkload = z.infer<typeof designWorkloadSchema>;
export type RequestType = DesignStream["type"];
