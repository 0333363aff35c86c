// The one error type of lib/: a code that says what went wrong, a message a learner can act on.
// lib/ never speaks HTTP; the route wrapper (lib/http/route.ts) maps each code to a status.
export type AppErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "unavailable";

export interface AppErrorOptions {
  /** For rate_limited and unavailable: when to try again (sent as Retry-After). */
  retryAfterSeconds?: number;
  /** Extra JSON the client may use (for example the current version on a conflict). */
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  override name = "AppError";
  readonly retryAfterSeconds: number | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    readonly code: AppErrorCode,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message);
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.details = options.details;
  }
}

export const appErrorStatus: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
};

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
