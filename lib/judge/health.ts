/** True when the judge service answers its health check within a second. */
export async function judgeIsUp(url: string): Promise<boolean> {
  try {
    const response = await fetch(new URL("/health", url), { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** The judge service's state in words, for GET /api/health: up, or what is wrong. */
export async function judgeHealth(url: string, timeoutMs = 1000): Promise<{ up: boolean; problem?: string }> {
  try {
    const response = await fetch(new URL("/health", url), { signal: AbortSignal.timeout(timeoutMs) });
    if (response.ok) return { up: true };
    return { up: false, problem: `the judge service answered its health check with ${response.status}` };
  } catch (error) {
    const text = `${String((error as Error)?.name)} ${String((error as { cause?: { code?: string } })?.cause?.code ?? "")}`;
    if (/TimeoutError|AbortError/.test(text)) return { up: false, problem: `the judge service did not answer within ${timeoutMs} ms (stuck or overloaded)` };
    return {
      up: false,
      problem: "the judge service does not answer at JUDGE_URL: is it running? (npm run dev and npm start start it and restart it when it dies)",
    };
  }
}
