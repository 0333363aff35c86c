// The one way through a request. Every handler under app/api (but better-auth's) is
//
//   export const PUT = route(
//     { params: z.object({ id: uuidSchema }), body: noteBodySchema, learner: "required", writeLimit: "note" },
//     async ({ params, body, learnerId }) => saveNote({ learnerId, interviewId: params.id, ...body }),
//   );
//
// and the wrapper does, in this order, before the handler runs:
//   0. a write (POST, PUT, PATCH, DELETE) from another site is 403 (lib/http/same-origin.ts);
//   1. params and query against their zod schemas (strings in, typed values out);
//   2. the body, when a `body` schema is given: content-type must be JSON (415), at most
//      `maxBodyBytes` (413, default 16 KiB, read no further than that), valid JSON (400),
//      then the schema (400 "<path>: <message>");
//   3. the learner, once, by `learner` policy: "none" (default, not looked up), "optional"
//      (string | null), "required" (no learner on the request: 404, the same answer as for
//      another learner's resource, so nothing tells the two apart), "ensure" (created, with
//      its cookie, on first write);
//   4. `writeLimit`: one token of that kind from the learner's write bucket (429).
// Every handler gets `requestId`: the request's `x-request-id` when it is a sane token (the
// serving process stamps one), else a new UUID; the response echoes it, and the log line
// of a 500 or 503 carries it, so one id ties the access log, the error and the judge job.
// The handler returns a Response, or a value sent as JSON (`status`, default 200), or
// undefined for 204. It throws AppError (lib/app-error.ts) for anything the caller got
// wrong; the wrapper answers `{ error, code, ...details }` with the code's status and
// Retry-After when the error says when. Anything else is logged and becomes a 500 that
// leaks nothing. Handlers stay a few lines: the work lives in the feature's lib/ service.
import "server-only";
import type { z } from "zod";
import { AppError, appErrorStatus, isAppError } from "../app-error";
import { databaseUnavailable, errorSummary } from "../db/unavailable";
import { logLine } from "../log/log-line";
import { recordRefusal } from "../metrics/registry";
import { CROSS_ORIGIN_MESSAGE, crossOriginWrite } from "./same-origin";
import { assertWriteAllowed, type WriteKind } from "../rate-limit/write-limit";
import { currentLearnerId, ensureLearnerId } from "../session/current-learner";

export type LearnerPolicy = "none" | "optional" | "required" | "ensure";

type Schema = z.ZodType | undefined;
type Parsed<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;
type LearnerOf<L extends LearnerPolicy> = L extends "required" | "ensure" ? string : L extends "optional" ? string | null : null;

export interface RouteSpec<P extends Schema, Q extends Schema, B extends Schema, L extends LearnerPolicy> {
  params?: P;
  query?: Q;
  body?: B;
  learner?: L;
  /** Largest body accepted, in bytes (default 16 KiB). */
  maxBodyBytes?: number;
  /** Takes a write token of this kind before the handler runs; needs a learner. */
  writeLimit?: L extends "required" | "ensure" ? WriteKind : never;
  /** Status of a JSON value the handler returns (default 200). */
  status?: number;
  /** Message of the 404 a "required" route answers when the request has no learner. */
  notFound?: string;
}

export interface RouteInput<P extends Schema, Q extends Schema, B extends Schema, L extends LearnerPolicy> {
  request: Request;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
  learnerId: LearnerOf<L>;
  /** This request's id (x-request-id), for log lines and jobs started on its behalf. */
  requestId: string;
}

/** What Next.js passes a route handler; params are parsed by schema, so their shape is not trusted here. */
export type RouteHandler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

const INTERNAL_ERROR = "Something went wrong on our side. Your work is saved; please try again.";

export function route<P extends Schema = undefined, Q extends Schema = undefined, B extends Schema = undefined, L extends LearnerPolicy = "none">(
  spec: RouteSpec<P, Q, B, L>,
  handler: (input: RouteInput<P, Q, B, L>) => Promise<unknown>,
): RouteHandler {
  return async (request, context) => {
    const since = performance.now();
    const requestId = requestIdOf(request);
    return withRequestId(withServerTiming(await handle(request, context, requestId), since), requestId);
  };
  async function handle(request: Request, context: { params: Promise<unknown> }, requestId: string): Promise<Response> {
    try {
      if (crossOriginWrite(request)) throw new AppError("forbidden", CROSS_ORIGIN_MESSAGE);
      const params = spec.params ? parse(spec.params, (await context.params) ?? {}, "path") : undefined;
      const query = spec.query ? parse(spec.query, Object.fromEntries(new URL(request.url).searchParams), "query") : undefined;
      const body = spec.body ? parse(spec.body, await readJsonBody(request, spec.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES), "body") : undefined;
      const learnerId = await resolveLearner(spec.learner ?? "none", spec.notFound);
      if (spec.writeLimit && learnerId) await assertWriteAllowed(learnerId, spec.writeLimit);
      const result = await handler({ request, params, query, body, learnerId, requestId } as RouteInput<P, Q, B, L>);
      return toResponse(result, spec.status ?? 200);
    } catch (error) {
      return errorResponse(error, request, requestId);
    }
  }
}

const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's x-request-id when it is a short plain token (it goes into logs as it is), else a new one. */
export function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given !== null && SANE_REQUEST_ID.test(given) ? given : crypto.randomUUID();
}

function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set("x-request-id", requestId);
  } catch {
    // Immutable headers (a Response passed through from fetch): sent without the id.
  }
  return response;
}

// Server-Timing `route`: the whole pipeline in this process, parsing and learner included
// (browsers' dev tools and npm run bench:submit read it; handlers may add their own parts).
function withServerTiming(response: Response, since: number): Response {
  try {
    response.headers.append("server-timing", `route;dur=${(performance.now() - since).toFixed(1)}`);
  } catch {
    // Immutable headers (a Response passed through from fetch): sent without timing.
  }
  return response;
}

async function resolveLearner(policy: LearnerPolicy, notFound: string | undefined): Promise<string | null> {
  if (policy === "none") return null;
  if (policy === "ensure") return ensureLearnerId();
  const learnerId = await currentLearnerId();
  if (policy === "required" && !learnerId) {
    throw new AppError("not_found", notFound ?? "nothing here belongs to this browser or account yet");
  }
  return learnerId;
}

function parse<S extends z.ZodType>(schema: S, value: unknown, where: "path" | "query" | "body"): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue && issue.path.length > 0 ? `${issue.path.map(String).join(".")}: ` : where === "body" ? "" : `${where}: `;
  throw new AppError("bad_request", `${path}${issue?.message ?? `invalid ${where}`}`);
}

/** The body as JSON, refusing the wrong type, a body over `maxBytes` (without reading past it) and bad JSON. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") {
    throw new AppError("unsupported_media_type", "send the body as JSON (content-type: application/json)");
  }
  const tooLarge = () => new AppError("too_large", `request body is larger than ${formatBytes(maxBytes)}`);
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const text = await readTextUpTo(request, maxBytes, tooLarge);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "request body is not valid JSON");
  }
}

async function readTextUpTo(request: Request, maxBytes: number, tooLarge: () => AppError): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KiB` : `${bytes} bytes`;
}

function toResponse(result: unknown, status: number): Response {
  if (result instanceof Response) {
    // A Response with immutable headers (one passed through from fetch) is sent as it is.
    if (!result.headers.has("cache-control")) {
      try {
        result.headers.set("cache-control", "no-store");
      } catch {}
    }
    return result;
  }
  if (result === undefined) return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
  return Response.json(result, { status, headers: { "cache-control": "no-store" } });
}

/**
 * AppError -> its status, `{ error, code, ...details }` and Retry-After; a lost database ->
 * 503 "unavailable" (lib/db/unavailable.ts says which errors are that); anything else -> a
 * 500 that leaks nothing. 429s and 503s are counted (GET /metrics); 500s and 503s are logged
 * as one JSON line with the request id.
 */
export function errorResponse(error: unknown, request: Request, requestId: string = requestIdOf(request)): Response {
  const database = databaseUnavailable(error);
  const known = database ?? (isAppError(error) ? error : null);
  const path = new URL(request.url).pathname;
  if (known) {
    const status = appErrorStatus[known.code];
    if (status === 429 || status === 503) recordRefusal(status, database ? "database" : refusalArea(path));
    if (status === 503) logError({ requestId, request, path, code: known.code, error });
    const headers: Record<string, string> = { "cache-control": "no-store" };
    if (known.retryAfterSeconds !== undefined) headers["retry-after"] = String(Math.max(1, Math.ceil(known.retryAfterSeconds)));
    return Response.json({ ...known.details, error: known.message, code: known.code }, { status, headers });
  }
  logError({ requestId, request, path, code: "internal", error });
  return Response.json({ error: INTERNAL_ERROR, code: "internal" }, { status: 500, headers: { "cache-control": "no-store" } });
}

// The metric label of a refusal: the part of the API it came from ("submissions",
// "challenges", ...), a short fixed set, unlike the full path with its ids.
function refusalArea(path: string): string {
  const [, first, second] = path.split("/");
  return (first === "api" ? second : first) || "root";
}

// One JSON line: the error's codes and the last line of its message (errorSummary: Prisma
// quotes a call's arguments, such as a learner's code, in the lines between), never the
// request body, and with any connection string's password blanked.
function logError(o: { requestId: string; request: Request; path: string; code: string; error: unknown }): void {
  logLine({
    level: "error",
    msg: o.code === "internal" ? "unhandled error" : "unavailable",
    requestId: o.requestId,
    method: o.request.method,
    route: o.path,
    code: o.code,
    error: redact(errorSummary(o.error)),
    // Frames only: the stack's first lines repeat the whole message.
    ...(o.code === "internal" && o.error instanceof Error && o.error.stack ? { stack: stackFrames(o.error.stack) } : {}),
  });
}

function stackFrames(stack: string): string {
  return stack
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .map((line) => line.trim())
    .join("\n");
}

// A connection string in an error message carries its password: never logged.
function redact(text: string): string {
  return text.replace(/\b(postgres(?:ql)?:\/\/[^:/@\s]+:)[^@\s]+@/gi, "$1***@");
}
