import "server-only";
import { betterAuth } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { authDatabase } from "../db/auth-adapter";
import { mergeAnonymousIntoUser } from "../db/learners";
import { env } from "../env";
import { CLIENT_ADDRESS_HEADER } from "../rate-limit/client-address";
import { LEARNER_COOKIE, learnerCookieOptions, signLearnerId, verifyLearnerCookie } from "../session/learner-cookie";

export const MAX_NAME_LENGTH = 80;
export const MIN_PASSWORD_LENGTH = 10;

/** Origins allowed to post to /api/auth: the base URL plus BLUEPRINT_TRUSTED_ORIGINS (localhost and 127.0.0.1 differ). */
export function trustedOrigins(): string[] {
  const { BETTER_AUTH_URL, BLUEPRINT_TRUSTED_ORIGINS } = env();
  const list = [BETTER_AUTH_URL, ...(BLUEPRINT_TRUSTED_ORIGINS ?? "").split(",")].map((origin) => origin?.trim().replace(/\/$/, ""));
  return [...new Set(list.filter((origin): origin is string => Boolean(origin)))];
}

function createAuth() {
  const config = env();
  if (!config.BETTER_AUTH_SECRET) {
    throw new Error("Invalid environment: BETTER_AUTH_SECRET is not set. Start the app with npm run dev or npm start, which set it.");
  }
  const secure = config.NODE_ENV === "production" && process.env.BLUEPRINT_INSECURE_COOKIES !== "1";
  return betterAuth({
    appName: "Blueprint",
    secret: config.BETTER_AUTH_SECRET,
    baseURL: config.BETTER_AUTH_URL,
    basePath: "/api/auth",
    trustedOrigins: trustedOrigins(),
    database: authDatabase(),
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 128,
    },
    advanced: {
      // The tables keep UUID ids (Learner.userId references User.id as a uuid).
      database: { generateId: "uuid" },
      useSecureCookies: secure,
      // The client address that scripts/serve-app.ts resolved from the socket and
      // BLUEPRINT_TRUSTED_PROXIES, never X-Forwarded-For as the client wrote it: rotating
      // that header would dodge the sign-in limit, and sending a victim's address would lock them out.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    // Kept in PostgreSQL so the limit holds across app servers; tests turn it off.
    rateLimit: {
      enabled: config.BLUEPRINT_AUTH_RATE_LIMIT === "on",
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: 10 },
        "/sign-up/email": { window: 60, max: 10 },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-up/email") return;
        const name: unknown = (ctx.body as { name?: unknown } | undefined)?.name;
        if (typeof name !== "string" || name.trim().length === 0) {
          throw new APIError("BAD_REQUEST", { message: "Name is required.", code: "NAME_REQUIRED" });
        }
        if (name.length > MAX_NAME_LENGTH) {
          throw new APIError("BAD_REQUEST", { message: `Name must be at most ${MAX_NAME_LENGTH} characters.`, code: "NAME_TOO_LONG" });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path === "/sign-out") {
          // The next anonymous visitor on this browser starts fresh, seeing nothing of the account.
          ctx.setCookie(LEARNER_COOKIE, "", { ...learnerCookieOptions(secure), maxAge: 0 });
          return;
        }
        if (ctx.path !== "/sign-up/email" && ctx.path !== "/sign-in/email") return;
        const userId = ctx.context.newSession?.user.id;
        if (!userId) return;
        const anonymousId = verifyLearnerCookie(ctx.getCookie(LEARNER_COOKIE) ?? undefined, config.SESSION_SECRET);
        const learnerId = await mergeLearnerOnSignIn(anonymousId, userId);
        ctx.setCookie(LEARNER_COOKIE, signLearnerId(learnerId, config.SESSION_SECRET), learnerCookieOptions(secure));
      }),
    },
  });
}

/** Moves the anonymous learner's work into the account (or just finds the account's learner). */
export async function mergeLearnerOnSignIn(anonymousId: string | null, userId: string): Promise<string> {
  return mergeAnonymousIntoUser(anonymousId ?? "00000000-0000-0000-0000-000000000000", userId);
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { blueprintAuth?: Auth };

/** The better-auth instance, built on first use so a build needs no database. */
export function auth(): Auth {
  globalForAuth.blueprintAuth ??= createAuth();
  return globalForAuth.blueprintAuth;
}
