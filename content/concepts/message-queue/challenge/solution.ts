// solution-canary:message-queue (tests/e2e/bundle.spec.ts: this string must never reach a browser)
import type { Clock } from "./support";

export interface Received {
  id: string;
  body: string;
  receipt: string;
  attempt: number;
}

interface Message {
  id: string;
  body: string;
  priority: number;
  /** Send order: the tie-breaker within a priority, kept across redeliveries. */
  seq: number;
  /** Deliveries so far (the attempt number of the latest one). */
  attempts: number;
  state: "waiting" | "inflight";
  /** While waiting: visible from this time on. */
  visibleAt: number;
  /** While in flight: the current receipt and when it was handed out. */
  receipt: string;
  receivedAt: number;
}

/** An at-least-once queue: a received message is hidden, not removed, until it is acked. */
export class MessageQueue {
  private readonly visibilityTimeoutMs: number;
  private readonly maxAttempts: number;
  private readonly now: Clock;
  private readonly live = new Map<string, Message>();
  private readonly byReceipt = new Map<string, Message>();
  private readonly dead: Array<{ id: string; body: string; attempts: number }> = [];
  private nextSeq = 1;
  private nextReceipt = 1;

  constructor(opts: { visibilityTimeoutMs: number; maxAttempts: number; now: Clock }) {
    this.visibilityTimeoutMs = opts.visibilityTimeoutMs;
    this.maxAttempts = opts.maxAttempts;
    this.now = opts.now;
  }

  send(body: string, opts: { priority?: number; delayMs?: number } = {}): string {
    const seq = this.nextSeq++;
    const id = `m${seq}`;
    this.live.set(id, {
      id,
      body,
      priority: opts.priority ?? 0,
      seq,
      attempts: 0,
      state: "waiting",
      visibleAt: this.now() + (opts.delayMs ?? 0),
      receipt: "",
      receivedAt: 0,
    });
    return id;
  }

  receive(max = 1): Received[] {
    const now = this.now();
    this.expire(now);
    const visible = [...this.live.values()]
      .filter((m) => m.state === "waiting" && now >= m.visibleAt)
      .sort((a, b) => b.priority - a.priority || a.seq - b.seq)
      .slice(0, Math.max(0, max));
    return visible.map((m) => {
      m.attempts++;
      m.state = "inflight";
      m.receipt = `${m.id}#${this.nextReceipt++}`;
      m.receivedAt = now;
      this.byReceipt.set(m.receipt, m);
      return { id: m.id, body: m.body, receipt: m.receipt, attempt: m.attempts };
    });
  }

  ack(receipt: string): boolean {
    const message = this.holder(receipt);
    if (!message) return false;
    this.byReceipt.delete(receipt);
    this.live.delete(message.id);
    return true;
  }

  nack(receipt: string, opts: { delayMs?: number } = {}): boolean {
    const message = this.holder(receipt);
    if (!message) return false;
    this.byReceipt.delete(receipt);
    this.fail(message, this.now() + (opts.delayMs ?? 0));
    return true;
  }

  deadLetters(): Array<{ id: string; body: string; attempts: number }> {
    this.expire(this.now());
    return this.dead.map((d) => ({ ...d }));
  }

  get depth(): number {
    this.expire(this.now());
    return this.live.size;
  }

  /** The in-flight message a receipt still holds, or undefined if the receipt is stale. */
  private holder(receipt: string): Message | undefined {
    const now = this.now();
    this.expire(now);
    const message = this.byReceipt.get(receipt);
    if (!message || message.state !== "inflight" || message.receipt !== receipt) return undefined;
    return message;
  }

  /** Every delivery whose timeout has passed is a failed attempt, handled in deadline order. */
  private expire(now: number): void {
    const due = [...this.live.values()]
      .filter((m) => m.state === "inflight" && now >= m.receivedAt + this.visibilityTimeoutMs)
      .sort((a, b) => a.receivedAt - b.receivedAt || a.seq - b.seq);
    for (const message of due) {
      this.byReceipt.delete(message.receipt);
      this.fail(message, message.receivedAt + this.visibilityTimeoutMs);
    }
  }

  /** A failed delivery: dead-letter after the last allowed attempt, otherwise wait again. */
  private fail(message: Message, visibleAt: number): void {
    if (message.attempts >= this.maxAttempts) {
      this.live.delete(message.id);
      this.dead.push({ id: message.id, body: message.body, attempts: message.attempts });
      return;
    }
    message.state = "waiting";
    message.visibleAt = visibleAt;
    message.receipt = "";
  }
}
