// solution-canary:pub-sub (tests/e2e/bundle.spec.ts: this string must never reach a browser)
type Handler = (topic: string, message: string) => void;

interface Subscription {
  levels: string[];
  handler: Handler;
  active: boolean;
}

interface Pending {
  topic: string;
  message: string;
  /** The subscriptions that match, fixed at publish time. */
  targets: Subscription[];
}

/** Splits a filter into levels, or throws if a wildcard is misplaced. */
function parseFilter(pattern: string): string[] {
  const levels = pattern.split("/");
  levels.forEach((level, index) => {
    if (level.includes("#") && (level !== "#" || index !== levels.length - 1)) {
      throw new Error(`"#" must be a whole level and the last one: ${pattern}`);
    }
    if (level.includes("+") && level !== "+") {
      throw new Error(`"+" must be a whole level: ${pattern}`);
    }
  });
  return levels;
}

/** MQTT matching: "+" is exactly one level, "#" is the rest (zero levels included). */
function matches(filter: string[], topic: string): boolean {
  const levels = topic.split("/");
  if (topic.startsWith("$") && (filter[0] === "+" || filter[0] === "#")) return false;
  for (let i = 0; i < filter.length; i++) {
    const part = filter[i];
    if (part === "#") return true;
    if (i >= levels.length) return false;
    if (part !== "+" && part !== levels[i]) return false;
  }
  return filter.length === levels.length;
}

/** An in-process broker: one delivery per matching subscription, in subscription order. */
export class Broker {
  private subscriptions: Subscription[] = [];
  private readonly retained = new Map<string, string>();
  private readonly queue: Pending[] = [];
  private delivering = false;

  subscribe(pattern: string, handler: Handler): () => void {
    const subscription: Subscription = { levels: parseFilter(pattern), handler, active: true };
    this.subscriptions.push(subscription);
    for (const [topic, message] of this.retained) {
      if (matches(subscription.levels, topic)) this.call(subscription, topic, message);
    }
    return () => {
      if (!subscription.active) return;
      subscription.active = false;
      this.subscriptions = this.subscriptions.filter((s) => s !== subscription);
    };
  }

  publish(topic: string, message: string): number {
    const targets = this.subscriptions.filter((s) => matches(s.levels, topic));
    this.queue.push({ topic, message, targets });
    // A publish from inside a handler waits until the current message has reached everyone.
    if (!this.delivering) this.drain();
    return targets.length;
  }

  retain(topic: string, message: string): void {
    this.retained.set(topic, message);
  }

  private drain(): void {
    this.delivering = true;
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        for (const target of next.targets) this.call(target, next.topic, next.message);
      }
    } finally {
      this.delivering = false;
    }
  }

  private call(subscription: Subscription, topic: string, message: string): void {
    try {
      subscription.handler(topic, message);
    } catch {
      // A failing subscriber must not keep the message from the others.
    }
  }
}
