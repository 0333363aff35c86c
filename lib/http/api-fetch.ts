// The browser's one way to call the app's API: sends JSON, parses the reply with the
// feature's contract schema (lib/<feature>/contract.ts), and turns every failure (an
// error body, a network error, a reply that does not match) into one ApiError. No
// server-only imports: client components use it.
import type { z } from "zod";
import { appErrorStatus, type AppErrorCode } from "../app-error";

export type ApiErrorCode =
  | AppErrorCode
  /** A 500 from the wrapper: something failed on the server's side. */
  | "internal"
  /** The request never got an answer (offline, server down). */
  | "network"
  /** The answer did not match the contract. */
  | "bad_response";

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    message: string,
    /** HTTP status; 0 when there was no answer. */
    readonly status: number,
    readonly code: ApiErrorCode,
    /** From Retry-After, when the server said when to try again. */
    readonly retryAfterSeconds: number | null = null,
    /** The error body's other fields (a conflict's stored version, say). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface ApiFetchOptions<S extends z.ZodType | undefined> {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  /** Parses a successful reply; without one the reply is not read (204s). */
  schema?: S;
  signal?: AbortSignal;
  /** Lets the request outlive the page (a last save as the tab closes). */
  keepalive?: boolean;
}

export async function apiFetch<S extends z.ZodType | undefined = undefined>(
  path: string,
  options: ApiFetchOptions<S> = {},
): Promise<S extends z.ZodType ? z.output<S> : void> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? (options.body === undefined ? "GET" : "POST"),
      headers: options.body === undefined ? undefined : { "content-type": "application/json" },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: "no-store",
      signal: options.signal,
      keepalive: options.keepalive,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError("Could not reach the server. Check your connection and try again.", 0, "network");
  }
  if (!response.ok) throw await errorFrom(response);
  if (!options.schema) return undefined as S extends z.ZodType ? z.output<S> : void;
  const parsed = options.schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new ApiError("The server sent an answer this page does not understand. Reload the page.", response.status, "bad_response");
  return parsed.data as S extends z.ZodType ? z.output<S> : void;
}

const KNOWN_CODES = new Set<string>([...Object.keys(appErrorStatus), "internal"]);

async function errorFrom(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const { error, code, ...rest } = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const known = typeof code === "string" && KNOWN_CODES.has(code);
  // A reply from outside the app's wrapper (better-auth's) keeps its own code in the details.
  const details = known || code === undefined ? rest : { ...rest, code };
  const retry = Number(response.headers.get("retry-after") ?? response.headers.get("x-retry-after"));
  const message = typeof error === "string" ? error : typeof rest.message === "string" ? rest.message : `The server answered ${response.status}.`;
  return new ApiError(
    message,
    response.status,
    known ? (code as ApiErrorCode) : response.status === 429 ? "rate_limited" : response.status >= 500 ? "internal" : "bad_request",
    Number.isFinite(retry) && retry > 0 ? retry : null,
    details,
  );
}
