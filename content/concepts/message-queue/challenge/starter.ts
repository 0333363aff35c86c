import type { Clock } from "./support";

export interface Received {
  id: string;
  body: string;
  receipt: string;
  attempt: number;
}

/**
 * An at-least-once queue with a visibility timeout.
 * - receive: visible messages, higher priority first, then send order; each becomes
 *   invisible for visibilityTimeoutMs and gets a NEW receipt (attempt 1, 2, ...).
 * - ack/nack: only while the receipt is live (now < receivedAt + timeout).
 * - the maxAttempts-th failed delivery (nack or timeout) moves the message to deadLetters().
 * Time comes only from `now`: there are no timers.
 */
export class MessageQueue {
  constructor(private readonly opts: { visibilityTimeoutMs: number; maxAttempts: number; now: Clock }) {}

  send(body: string, opts?: { priority?: number; delayMs?: number }): string {
    void body;
    void opts;
    return "";
  }

  receive(max = 1): Received[] {
    void max;
    return [];
  }

  ack(receipt: string): boolean {
    void receipt;
    return false;
  }

  nack(receipt: string, opts?: { delayMs?: number }): boolean {
    void receipt;
    void opts;
    return false;
  }

  deadLetters(): Array<{ id: string; body: string; attempts: number }> {
    return [];
  }

  /** Messages not yet acked or dead-lettered: visible, delayed and in flight. */
  get depth(): number {
    return 0;
  }
}
