import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "../env";
import { PrismaClient } from "./generated/client";

// One client per server process (kept on globalThis so dev reloads do not leak pools).
const globalForPrisma = globalThis as unknown as { blueprintPrisma?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.blueprintPrisma ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: env().DATABASE_URL, max: 10 }),
  });
  return globalForPrisma.blueprintPrisma;
}
