import "server-only";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { db } from "./client";

/** better-auth's storage: its User, Session, Account, Verification and RateLimit models. */
export function authDatabase() {
  return prismaAdapter(db(), { provider: "postgresql" });
}
