// better-auth's sign-in limit counts per client address, and that address is the one
// scripts/serve-app.ts resolved from the socket (CLIENT_ADDRESS_HEADER), never the
// X-Forwarded-For a client writes: rotating that header must not reset the count, and
// naming a victim's address in it must not lock the victim out.
import { beforeAll, describe, expect, test } from "vitest";
import { createDatabase, useAppEnv } from "./database";

let auth: typeof import("../../lib/auth/auth");
let CLIENT_ADDRESS_HEADER: string;

beforeAll(async () => {
  useAppEnv(await createDatabase({ migrated: true }));
  process.env.BETTER_AUTH_SECRET = "integration-better-auth-secret-0123456789";
  process.env.BETTER_AUTH_URL = "http://localhost:3000";
  process.env.BLUEPRINT_AUTH_RATE_LIMIT = "on";
  auth = await import("../../lib/auth/auth");
  ({ CLIENT_ADDRESS_HEADER } = await import("../../lib/rate-limit/client-address"));
});

// The sign-in rule in lib/auth/auth.ts: 10 a minute per address.
const SIGN_IN_LIMIT = 10;

async function signIn(headers: Record<string, string>) {
  const response = await auth.auth().handler(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3000", ...headers },
      body: JSON.stringify({ email: "nobody@example.test", password: "not the password" }),
    }),
  );
  return response.status;
}

describe("sign-in rate limit", () => {
  test("a client rotating X-Forwarded-For is still limited by its own address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= SIGN_IN_LIMIT; i += 1) {
      statuses.push(await signIn({ [CLIENT_ADDRESS_HEADER]: "203.0.113.5", "x-forwarded-for": `198.51.100.${i + 1}` }));
    }
    expect(statuses.slice(0, SIGN_IN_LIMIT)).toEqual(Array<number>(SIGN_IN_LIMIT).fill(401));
    expect(statuses[SIGN_IN_LIMIT]).toBe(429);
  });

  test("naming a victim's address in X-Forwarded-For does not lock the victim out", async () => {
    const victim = "192.0.2.77";
    for (let i = 0; i <= SIGN_IN_LIMIT; i += 1) await signIn({ [CLIENT_ADDRESS_HEADER]: "203.0.113.6", "x-forwarded-for": victim });
    // The victim sends no X-Forwarded-For; Next.js fills it in with the socket's peer, as here.
    expect(await signIn({ [CLIENT_ADDRESS_HEADER]: victim, "x-forwarded-for": victim })).toBe(401);
  });
});
