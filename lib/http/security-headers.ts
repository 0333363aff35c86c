// The security headers of every page and API answer, sent by next.config.ts's headers()
// on every path (static pages, route handlers and assets alike), so no per-request code
// has to add them.

const isDev = process.env.NODE_ENV !== "production";

// Scripts: 'unsafe-inline' because Next.js streams its page data as inline scripts
// (on prerendered pages too, so a per-request nonce cannot cover them); it also lets
// the theme script in app/layout.tsx run before first paint. Everything is served by
// the app itself: no other host appears. Monaco needs blob: workers and inline styles.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${isDev ? " ws: wss:" : ""}`,
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "content-security-policy", value: CONTENT_SECURITY_POLICY },
  { key: "x-content-type-options", value: "nosniff" },
  { key: "referrer-policy", value: "strict-origin-when-cross-origin" },
  { key: "x-frame-options", value: "DENY" },
  { key: "cross-origin-opener-policy", value: "same-origin" },
  { key: "permissions-policy", value: "camera=(), microphone=(), geolocation=()" },
];
