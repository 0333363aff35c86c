// What a worker NOTIFYs when it stores a verdict, on one channel every app process LISTENs to.

export const DONE_CHANNEL = "judge_job_done";
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; a verdict larger than this is read from its row instead. */
export const INLINE_VERDICT_BYTES = 7000;

export interface DoneMessage {
  id: string;
  /** ms from enqueue to the worker's (last) start. */
  q: number;
  /** ms the worker spent on its (last) attempt. */
  j: number;
  /** Starts, counting those on workers that died. */
  a: number;
  /** The verdict, when it fits in the payload. */
  v?: unknown;
}

export function parseDoneMessage(payload: string | undefined): DoneMessage | undefined {
  if (!payload) return undefined;
  try {
    const value = JSON.parse(payload) as Partial<DoneMessage>;
    if (typeof value.id !== "string" || typeof value.q !== "number" || typeof value.j !== "number" || typeof value.a !== "number") return undefined;
    return value as DoneMessage;
  } catch {
    return undefined;
  }
}
