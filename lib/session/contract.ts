// The browser-server contract of "who am I": what the header's account menu reads after
// the (static) page has loaded. No server-only imports.
import { z } from "zod";

export const meSchema = z.object({
  user: z.object({ name: z.string(), email: z.string() }).nullable(),
});
export type MeDto = z.infer<typeof meSchema>;
