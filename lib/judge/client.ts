// How a tool (a benchmark, the service's own tests) reaches the judge HTTP service. The app
// does not: its runs and submits go through the queue (lib/judge-queue, decision 019), which
// waits JUDGE_REQUEST_TIMEOUT_MS too. No Next.js imports: plain fetch.
import type { JudgeMode, Verdict } from "./verdict";

/** How long a caller waits for a verdict (the app through the queue, a tool through the service, which is told and drops the job after it). */
export const JUDGE_REQUEST_TIMEOUT_MS = 30_000;

export class JudgeUnavailableError extends Error {
  override name = "JudgeUnavailableError";
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export class JudgeRejectedError extends Error {
  override name = "JudgeRejectedError";
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export async function requestVerdict(
  config: { url: string; secret: string },
  input: { challengeId: string; mode: JudgeMode; code: string },
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<Verdict> {
  const timeoutMs = options.timeoutMs ?? JUDGE_REQUEST_TIMEOUT_MS;
  // Aborting closes the connection, and the service drops the job (queued or running).
  const signals = [AbortSignal.timeout(timeoutMs), ...(options.signal ? [options.signal] : [])];
  let response: Response;
  try {
    response = await fetch(new URL("/judge", config.url), {
      method: "POST",
      headers: { "content-type": "application/json", "x-judge-secret": config.secret, "x-judge-timeout-ms": String(timeoutMs) },
      body: JSON.stringify(input),
      signal: AbortSignal.any(signals),
    });
  } catch {
    if (options.signal?.aborted) throw new JudgeUnavailableError("The request was cancelled.", 1);
    throw new JudgeUnavailableError("The judge is not reachable right now. Your code is saved; try again in a few seconds.", 5);
  }
  if (response.status === 504) {
    throw new JudgeUnavailableError("The judge took too long. Your code is saved; try again in a moment.", 5);
  }
  if (response.status === 503) {
    const retry = Number(response.headers.get("retry-after") ?? 2) || 2;
    throw new JudgeUnavailableError("The judge is busy. Your code is saved; try again in a moment.", retry);
  }
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) {
    if (response.status >= 500) throw new JudgeUnavailableError("The judge failed. Your code is saved; try again.", 5);
    throw new JudgeRejectedError(body.error ?? `judge answered ${response.status}`, response.status);
  }
  return body as unknown as Verdict;
}
