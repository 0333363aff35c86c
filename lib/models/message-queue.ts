// The message-queue lesson's model: a queue with a visibility timeout, two consumers
// that can ack, nack or crash, and a clock that only moves when asked. Pure functions
// over plain data, so the same clicks always give the same picture.

export type ConsumerName = "A" | "B";
export const CONSUMERS: readonly ConsumerName[] = ["A", "B"];

export type MessageState = "delayed" | "waiting" | "inflight" | "acked" | "dead";

export interface SimMessage {
  id: number;
  label: string;
  priority: number;
  /** Send order: the tie-breaker within a priority, kept across redeliveries. */
  seq: number;
  attempts: number;
  state: MessageState;
  /** When a delayed or redelivered message becomes visible. */
  visibleAt: number;
  /** While in flight: when it was received and by whom. */
  receivedAt: number;
  holder: ConsumerName | null;
  receipt: number;
}

export interface Consumer {
  name: ConsumerName;
  /** The receipt this consumer is working on, or null when idle. */
  receipt: number | null;
  messageId: number | null;
}

export interface QueueConfig {
  visibilityTimeoutMs: number;
  maxAttempts: number;
}

export interface QueueSim {
  config: QueueConfig;
  now: number;
  messages: SimMessage[];
  consumers: Consumer[];
  nextId: number;
  nextReceipt: number;
  /** Newest last; capped at LOG_LIMIT entries. */
  log: string[];
}

export const LOG_LIMIT = 8;
export const TIMEOUT_CHOICES = [5_000, 10_000, 30_000] as const;
export const ATTEMPT_CHOICES = [1, 2, 3, 4, 5] as const;
const LABELS = ["resize", "email", "invoice", "export", "thumb", "webhook", "report", "backup"];

export function createQueueSim(config: QueueConfig = { visibilityTimeoutMs: 10_000, maxAttempts: 3 }): QueueSim {
  return {
    config,
    now: 0,
    messages: [],
    consumers: CONSUMERS.map((name) => ({ name, receipt: null, messageId: null })),
    nextId: 1,
    nextReceipt: 1,
    log: [],
  };
}

function addLog(sim: QueueSim, line: string): string[] {
  return [...sim.log, `t=${formatSeconds(sim.now)}: ${line}`].slice(-LOG_LIMIT);
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)}s`;
}

export function messageName(message: Pick<SimMessage, "id" | "label">): string {
  return `#${message.id} ${message.label}`;
}

/** Sends a message; a delay hides it until now + delayMs. */
export function send(sim: QueueSim, opts: { priority?: number; delayMs?: number } = {}): QueueSim {
  const id = sim.nextId;
  const delayMs = Math.max(0, opts.delayMs ?? 0);
  const message: SimMessage = {
    id,
    label: LABELS[(id - 1) % LABELS.length] ?? "job",
    priority: opts.priority ?? 0,
    seq: id,
    attempts: 0,
    state: delayMs > 0 ? "delayed" : "waiting",
    visibleAt: sim.now + delayMs,
    receivedAt: 0,
    holder: null,
    receipt: 0,
  };
  const next = { ...sim, nextId: id + 1, messages: [...sim.messages, message] };
  const how = [opts.priority ? "high priority" : "", delayMs > 0 ? `delayed ${formatSeconds(delayMs)}` : ""].filter(Boolean).join(", ");
  return { ...next, log: addLog(next, `sent ${messageName(message)}${how ? ` (${how})` : ""}`) };
}

/** A failed delivery: back to waiting, or to the dead letters after the last attempt. */
function failed(sim: QueueSim, message: SimMessage, visibleAt: number, why: string): QueueSim {
  const dead = message.attempts >= sim.config.maxAttempts;
  const updated: SimMessage = {
    ...message,
    state: dead ? "dead" : visibleAt > sim.now ? "delayed" : "waiting",
    visibleAt,
    holder: null,
    receipt: 0,
  };
  const next = { ...sim, messages: sim.messages.map((m) => (m.id === message.id ? updated : m)) };
  const outcome = dead
    ? `moved to dead letters after ${message.attempts} attempt${message.attempts === 1 ? "" : "s"}`
    : "visible again";
  return { ...next, log: addLog(next, `${messageName(message)} ${why}: ${outcome}`) };
}

/** Applies every timeout that has passed by `sim.now`, oldest first, and reveals delayed messages. */
function settleTime(sim: QueueSim): QueueSim {
  let next = sim;
  const due = next.messages
    .filter((m) => m.state === "inflight" && next.now >= m.receivedAt + next.config.visibilityTimeoutMs)
    .sort((a, b) => a.receivedAt - b.receivedAt || a.seq - b.seq);
  for (const message of due) {
    next = failed(next, message, message.receivedAt + next.config.visibilityTimeoutMs, "timed out");
  }
  const messages = next.messages.map((m) => (m.state === "delayed" && next.now >= m.visibleAt ? { ...m, state: "waiting" as const } : m));
  return { ...next, messages };
}

/** Moves the clock forward. */
export function advance(sim: QueueSim, ms: number): QueueSim {
  return settleTime({ ...sim, now: sim.now + Math.max(0, ms) });
}

/** Visible messages in delivery order: priority first, then send order. */
export function visibleInOrder(sim: QueueSim): SimMessage[] {
  return sim.messages
    .filter((m) => m.state === "waiting" && sim.now >= m.visibleAt)
    .sort((a, b) => b.priority - a.priority || a.seq - b.seq);
}

export function consumerOf(sim: QueueSim, name: ConsumerName): Consumer {
  return sim.consumers.find((c) => c.name === name) ?? { name, receipt: null, messageId: null };
}

function setConsumer(sim: QueueSim, consumer: Consumer): QueueSim {
  return { ...sim, consumers: sim.consumers.map((c) => (c.name === consumer.name ? consumer : c)) };
}

/** The consumer takes the next visible message, if it is idle and there is one. */
export function receive(sim: QueueSim, name: ConsumerName): QueueSim {
  const consumer = consumerOf(sim, name);
  if (consumer.receipt !== null) return { ...sim, log: addLog(sim, `consumer ${name} is still busy`) };
  const message = visibleInOrder(sim)[0];
  if (!message) return { ...sim, log: addLog(sim, `consumer ${name} found nothing visible`) };
  const receipt = sim.nextReceipt;
  const updated: SimMessage = { ...message, state: "inflight", attempts: message.attempts + 1, receivedAt: sim.now, holder: name, receipt };
  let next: QueueSim = { ...sim, nextReceipt: receipt + 1, messages: sim.messages.map((m) => (m.id === message.id ? updated : m)) };
  next = setConsumer(next, { name, receipt, messageId: message.id });
  return { ...next, log: addLog(next, `consumer ${name} received ${messageName(message)}, attempt ${updated.attempts}, receipt r${receipt}`) };
}

/** The message a consumer's receipt still holds, or undefined if the receipt went stale. */
function held(sim: QueueSim, consumer: Consumer): SimMessage | undefined {
  return sim.messages.find((m) => m.state === "inflight" && m.receipt === consumer.receipt && consumer.receipt !== null);
}

/** The consumer finished: the ack only counts if its receipt is still live. */
export function ack(sim: QueueSim, name: ConsumerName): QueueSim {
  const consumer = consumerOf(sim, name);
  if (consumer.receipt === null) return sim;
  const message = held(sim, consumer);
  let next = setConsumer(sim, { name, receipt: null, messageId: null });
  if (!message) {
    return { ...next, log: addLog(next, `consumer ${name} acked with stale receipt r${consumer.receipt}: refused, the work may run twice`) };
  }
  next = { ...next, messages: next.messages.map((m) => (m.id === message.id ? { ...m, state: "acked" as const, holder: null } : m)) };
  return { ...next, log: addLog(next, `consumer ${name} acked ${messageName(message)}: deleted`) };
}

/** The consumer gives up on its message: a failed attempt, visible again after delayMs. */
export function nack(sim: QueueSim, name: ConsumerName, delayMs = 0): QueueSim {
  const consumer = consumerOf(sim, name);
  if (consumer.receipt === null) return sim;
  const message = held(sim, consumer);
  const next = setConsumer(sim, { name, receipt: null, messageId: null });
  if (!message) return { ...next, log: addLog(next, `consumer ${name} nacked with stale receipt r${consumer.receipt}: refused`) };
  return failed(next, message, next.now + Math.max(0, delayMs), `nacked by ${name}`);
}

/** The consumer dies silently: its message stays in flight until the timeout brings it back. */
export function crash(sim: QueueSim, name: ConsumerName): QueueSim {
  const consumer = consumerOf(sim, name);
  if (consumer.receipt === null) return sim;
  const next = setConsumer(sim, { name, receipt: null, messageId: null });
  return { ...next, log: addLog(next, `consumer ${name} crashed; its message stays invisible until the timeout`) };
}

/** Changes timeout or attempts and starts over (old messages would follow other rules). */
export function reconfigure(config: QueueConfig): QueueSim {
  return createQueueSim(config);
}

export function countByState(sim: QueueSim): Record<MessageState, number> {
  const counts: Record<MessageState, number> = { delayed: 0, waiting: 0, inflight: 0, acked: 0, dead: 0 };
  for (const message of sim.messages) counts[message.state]++;
  return counts;
}

/** Messages not yet acked or dead-lettered. */
export function depth(sim: QueueSim): number {
  const counts = countByState(sim);
  return counts.delayed + counts.waiting + counts.inflight;
}

/** Milliseconds until an in-flight message's receipt expires (0 if not in flight). */
export function remainingMs(sim: QueueSim, message: SimMessage): number {
  if (message.state !== "inflight") return 0;
  return Math.max(0, message.receivedAt + sim.config.visibilityTimeoutMs - sim.now);
}

/** The text alternative: what the picture shows right now. */
export function describeQueue(sim: QueueSim): string {
  const counts = countByState(sim);
  const parts = [
    `At ${formatSeconds(sim.now)}: ${counts.waiting} waiting, ${counts.delayed} delayed, ${counts.inflight} in flight, ${counts.acked} acked, ${counts.dead} dead-lettered; depth ${depth(sim)}.`,
  ];
  for (const consumer of sim.consumers) {
    const message = held(sim, consumer);
    if (message) parts.push(`Consumer ${consumer.name} holds ${messageName(message)} (attempt ${message.attempts}, ${formatSeconds(remainingMs(sim, message))} left).`);
    else if (consumer.receipt !== null) parts.push(`Consumer ${consumer.name} holds a stale receipt.`);
    else parts.push(`Consumer ${consumer.name} is idle.`);
  }
  const last = sim.log.at(-1);
  if (last) parts.push(`Last event: ${last}.`);
  return parts.join(" ");
}
