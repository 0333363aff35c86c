import { defineConfig } from "prisma/config";

// Must not throw without DATABASE_URL: `prisma generate` runs at install time.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/blueprint" },
});
