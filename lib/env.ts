import "server-only";
import { z } from "zod";

// The app's configuration, checked once at first use. scripts/start-stack.ts fills
// these in for `npm run dev` and `npm start`; production sets them itself.
const envSchema = z.object({
  DATABASE_URL: z.string().url("DATABASE_URL must be a postgresql:// URL"),
  /** The judge HTTP service's secret (a tool now: benches, the CLI server); runs and submits go through the queue. */
  JUDGE_SECRET: z.string().min(32, "JUDGE_SECRET must be at least 32 characters").optional(),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters"),
  /** Signs account sessions; checked when auth is first used (scripts that only use the database need none). */
  BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters").optional(),
  /** Where the app is reached, e.g. http://localhost:3000; better-auth infers it from the request when unset. */
  BETTER_AUTH_URL: z.string().url().optional(),
  /** More origins allowed to post to /api/auth, comma-separated (e.g. both localhost and 127.0.0.1). */
  BLUEPRINT_TRUSTED_ORIGINS: z.string().optional(),
  /** "off" turns off better-auth's limit on sign-in and sign-up (tests that sign in many times). */
  BLUEPRINT_AUTH_RATE_LIMIT: z.enum(["on", "off"]).default("on"),
  /** Runs plus submits a learner may make per minute. */
  BLUEPRINT_JUDGE_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  /** Saves of one kind (drafts, notes, progress, ...) a learner may make per minute; interviews get a quarter of it (lib/rate-limit/write-limit.ts). */
  BLUEPRINT_WRITE_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  /** Anonymous learners one client address may create per hour (a class behind one NAT shares an address). */
  BLUEPRINT_ANONYMOUS_LEARNERS_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(100),
  /** Proxies whose X-Forwarded-For is believed: comma-separated addresses or CIDRs; empty: none (lib/rate-limit/client-address.ts). */
  BLUEPRINT_TRUSTED_PROXIES: z.string().default(""),
  /** How long GET /api/health waits for the database and the judge queue before calling them down. */
  BLUEPRINT_HEALTH_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof envSchema>;
let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}. Start the app with npm run dev or npm start, which set these.`);
  }
  cached = parsed.data;
  return cached;
}
