import { describe, expect, it } from "vitest";
import { judgeEnvironment, workerEnvironment } from "./child-env";

describe("the judge's environment", () => {
  const full = {
    PATH: "/usr/bin",
    HOME: "/home/learner",
    NODE_ENV: "production",
    DATABASE_URL: "postgresql://blueprint:hunter2@127.0.0.1:5432/blueprint",
    SESSION_SECRET: "s".repeat(64),
    BETTER_AUTH_SECRET: "b".repeat(64),
    EMBEDDED_POSTGRES_PASSWORD: "p".repeat(64),
    AWS_SECRET_ACCESS_KEY: "whatever the shell had",
    JUDGE_MAX_RSS_MB: "512",
    BLUEPRINT_CONTENT_DIR: "/srv/content",
  } as NodeJS.ProcessEnv;

  it("holds its port, its secret, its limits and what Node needs, and nothing else", () => {
    const env = judgeEnvironment(full, { JUDGE_PORT: "3101", JUDGE_SECRET: "j".repeat(64) });
    expect(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined))).toEqual({
      PATH: "/usr/bin",
      HOME: "/home/learner",
      NODE_ENV: "production",
      JUDGE_MAX_RSS_MB: "512",
      BLUEPRINT_CONTENT_DIR: "/srv/content",
      JUDGE_PORT: "3101",
      JUDGE_SECRET: "j".repeat(64),
    });
  });

  it("never carries the database URL or the app's secrets", () => {
    const env = judgeEnvironment(full, { JUDGE_PORT: "3101", JUDGE_SECRET: "j".repeat(64) });
    const values = Object.values(env).join("\n");
    for (const secret of ["hunter2", "s".repeat(64), "b".repeat(64), "p".repeat(64), "whatever the shell had"]) expect(values).not.toContain(secret);
  });
});

describe("a judge worker's environment", () => {
  const full = {
    PATH: "/usr/bin",
    NODE_ENV: "production",
    DATABASE_URL: "postgresql://shell:old@127.0.0.1:5432/other",
    SESSION_SECRET: "s".repeat(64),
    BETTER_AUTH_SECRET: "b".repeat(64),
    JUDGE_SECRET: "j".repeat(64),
    JUDGE_LEASE_MS: "3000",
    JUDGE_CONCURRENCY: "2",
  } as NodeJS.ProcessEnv;

  it("holds the queue's database and the JUDGE_* settings, not the app's secrets or the service's", () => {
    const env = workerEnvironment(full, { DATABASE_URL: "postgresql://blueprint:pw@127.0.0.1:54329/blueprint" });
    expect(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined))).toEqual({
      PATH: "/usr/bin",
      NODE_ENV: "production",
      JUDGE_LEASE_MS: "3000",
      JUDGE_CONCURRENCY: "2",
      DATABASE_URL: "postgresql://blueprint:pw@127.0.0.1:54329/blueprint",
    });
  });
});
