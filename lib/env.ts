import "server-only";
import { z } from "zod";

// The app's configuration, checked once at first use. scripts/start-stack.ts fills
// these in for `npm run dev` and `npm start`; production sets them itself.
const envSchema = z.object({
  DATABASE_URL: z.string().url("DATABASE_URL must be a postgresql:// URL"),
  JUDGE_URL: z.string().url().default("http://127.0.0.1:3101"),
  JUDGE_SECRET: z.string().min(32, "JUDGE_SECRET must be at least 32 characters"),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters"),
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
