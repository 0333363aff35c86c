// One log line per request, written when the response has gone (or the client left):
// what an operator greps by request id, without the query string (it can carry tokens).
import type { IncomingMessage, ServerResponse } from "node:http";
import { logLine } from "../log/log-line";
import { tapBody } from "./tap-body";

/**
 * BLUEPRINT_REQUEST_LOG=off silences the per-request lines (benchmarks), =on asks for them.
 * Unset: on in production, off in development, where next dev prints its own line per
 * request and a JSON copy of each would bury the terminal.
 */
export function requestLogEnabled(env: Record<string, string | undefined>, mode: "dev" | "start"): boolean {
  const asked = (env.BLUEPRINT_REQUEST_LOG ?? "").trim().toLowerCase();
  if (asked === "off") return false;
  if (asked === "on") return true;
  return mode === "start";
}

export function pathWithoutQuery(url: string | undefined): string {
  const raw = url ?? "/";
  const cut = raw.search(/[?#]/);
  return cut < 0 ? raw : raw.slice(0, cut);
}

/** Counts body bytes as they are written and logs the request once it finishes or is abandoned. */
export function logRequestWhenDone(request: IncomingMessage, response: ServerResponse, requestId: string, write: (fields: Record<string, unknown>) => void = logLine): void {
  const started = process.hrtime.bigint();
  let bytes = 0;
  tapBody(response, (chunk, encoding) => {
    bytes += typeof chunk === "string" ? Buffer.byteLength(chunk, encoding ?? "utf8") : chunk.length;
  });

  let logged = false;
  const done = (aborted: boolean) => {
    if (logged) return;
    logged = true;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    write({
      msg: "request",
      requestId,
      method: request.method,
      path: pathWithoutQuery(request.url),
      status: response.statusCode,
      ms: Math.round(ms * 10) / 10,
      bytes,
      ...(aborted ? { aborted: true } : {}),
    });
  };
  response.once("finish", () => done(false));
  response.once("close", () => done(!response.writableFinished));
}
