import { defineConfig } from "vitest/config";

// Four projects, all run by `npm test`: unit (pure code), integration (a real
// PostgreSQL started by the global setup), content (every lesson and every
// challenge through the real judge), cluster (after the build: see scripts/run-tests.ts).
export default defineConfig({
  resolve: {
    alias: {
      "@": new URL("./", import.meta.url).pathname,
      // Tests import server modules directly; outside React Server Components the marker would throw.
      "server-only": new URL("./node_modules/server-only/empty.js", import.meta.url).pathname,
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "app/**/*.test.ts", "app/**/*.test.tsx", "tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          pool: "forks",
          execArgv: ["--no-node-snapshot"],
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: "content",
          include: ["tests/content/**/*.test.ts", "tests/judge/**/*.test.ts"],
          pool: "forks",
          // isolated-vm 5 on Node 20 needs V8's startup snapshot off.
          execArgv: ["--no-node-snapshot"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // The cluster under faults (tests/cluster): real HAProxy, app servers on a production
          // build, judge workers; run by npm test after the build, not by a bare `vitest run`.
          name: "cluster",
          include: ["tests/cluster/**/*.test.ts"],
          pool: "forks",
          execArgv: ["--no-node-snapshot"],
          testTimeout: 240_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
