// One log line per request, written when the response has gone (or the client left):
// what an operator greps by request id, without the query string (it can carry tokens).
import type { IncomingMessage, ServerResponse } from "node:http";
import { logLine } from "../log/log-line";

/** BLUEPRINT_REQUEST_LOG=off silences the per-request lines (benchmarks); anything else keeps them. */
export function requestLogEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return (env.BLUEPRINT_REQUEST_LOG ?? "").trim().toLowerCase() !== "off";
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
  const count = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk === "string") bytes += Buffer.byteLength(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
    else if (chunk instanceof Uint8Array) bytes += chunk.byteLength;
  };
  const originalWrite = response.write;
  const originalEnd = response.end;
  response.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    count(chunk, rest[0]);
    return (originalWrite as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof response.write;
  response.end = function (this: ServerResponse, ...args: unknown[]) {
    if (args.length > 0 && typeof args[0] !== "function") count(args[0], args[1]);
    return (originalEnd as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof response.end;

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
