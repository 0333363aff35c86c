// The pub/sub lesson's model: MQTT topic filters, explained level by level. Pure
// functions over plain data: the same subscriptions and publishes give the same picture.

export interface ModelSubscription {
  id: number;
  filter: string;
}

export interface MatchResult {
  matched: boolean;
  /** One sentence on why the filter did or did not match the topic. */
  reason: string;
}

export interface Delivery {
  subscriptionId: number;
  filter: string;
  /** 1-based position in delivery order, or null when the filter did not match. */
  order: number | null;
  reason: string;
}

export interface PubSubSim {
  subscriptions: ModelSubscription[];
  nextId: number;
  retained: Array<{ topic: string; message: string }>;
  lastTopic: string | null;
  deliveries: Delivery[];
  /** Messages handed to a new subscription from the retained store. */
  retainedDeliveries: Array<{ filter: string; topic: string; message: string }>;
  note: string;
}

export const DEFAULT_FILTERS = ["home/+/temp", "home/kitchen/#", "#", "$SYS/#", "home/hall/light"] as const;
export const SAMPLE_TOPICS = ["home/kitchen/temp", "home/kitchen", "home/hall/temp", "home/hall/light", "$SYS/clients", "garden"] as const;

/** Null when the filter is well formed, otherwise what is wrong with it. */
export function filterError(filter: string): string | null {
  if (filter.length === 0) return "A filter needs at least one character.";
  const levels = filter.split("/");
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i] ?? "";
    if (level.includes("#") && level !== "#") return `Level ${i + 1} ("${level}") mixes # with other characters.`;
    if (level === "#" && i !== levels.length - 1) return "# must be the last level.";
    if (level.includes("+") && level !== "+") return `Level ${i + 1} ("${level}") mixes + with other characters.`;
  }
  return null;
}

/** Null when the topic can be published to, otherwise why not. */
export function topicError(topic: string): string | null {
  if (topic.length === 0) return "A topic needs at least one character.";
  if (topic.includes("+") || topic.includes("#")) return "Wildcards belong in filters; a topic name cannot contain + or #.";
  return null;
}

function quote(level: string): string {
  return level === "" ? "an empty level" : `"${level}"`;
}

/** Matches one filter against one topic, MQTT style, and says why. */
export function explainMatch(filter: string, topic: string): MatchResult {
  const f = filter.split("/");
  const t = topic.split("/");
  if (topic.startsWith("$") && (f[0] === "+" || f[0] === "#")) {
    return { matched: false, reason: "A filter that starts with a wildcard never matches a topic starting with $." };
  }
  for (let i = 0; i < f.length; i++) {
    const part = f[i] ?? "";
    if (part === "#") {
      const rest = t.slice(i);
      return {
        matched: true,
        reason: rest.length === 0 ? "# also matches the parent level itself." : `# matched the remaining ${rest.length === 1 ? "level" : `${rest.length} levels`}.`,
      };
    }
    if (i >= t.length) return { matched: false, reason: `The topic has only ${t.length} level${t.length === 1 ? "" : "s"}; the filter needs more.` };
    const level = t[i] ?? "";
    if (part !== "+" && part !== level) return { matched: false, reason: `Level ${i + 1} differs: the filter wants ${quote(part)}, the topic has ${quote(level)}.` };
  }
  if (f.length !== t.length) return { matched: false, reason: `The topic has ${t.length - f.length} more level${t.length - f.length === 1 ? "" : "s"} than the filter, and there is no #.` };
  const pluses = f.filter((part) => part === "+").length;
  return { matched: true, reason: pluses === 0 ? "Every level is equal." : `Every level matched; + stood for exactly one level${pluses > 1 ? " each time" : ""}.` };
}

export function createPubSubSim(filters: readonly string[] = DEFAULT_FILTERS): PubSubSim {
  return {
    subscriptions: filters.map((filter, index) => ({ id: index + 1, filter })),
    nextId: filters.length + 1,
    retained: [],
    lastTopic: null,
    deliveries: [],
    retainedDeliveries: [],
    note: `${filters.length} subscriptions. Publish a topic to see which of them receive it.`,
  };
}

/** Adds a subscription; a malformed filter is refused with the reason. New subscribers get matching retained messages. */
export function subscribe(sim: PubSubSim, filter: string): PubSubSim {
  const error = filterError(filter);
  if (error) return { ...sim, note: `Refused "${filter}": ${error}` };
  const subscription = { id: sim.nextId, filter };
  const retainedDeliveries = sim.retained
    .filter((entry) => explainMatch(filter, entry.topic).matched)
    .map((entry) => ({ filter, topic: entry.topic, message: entry.message }));
  const got = retainedDeliveries.length;
  return {
    ...sim,
    subscriptions: [...sim.subscriptions, subscription],
    nextId: sim.nextId + 1,
    retainedDeliveries,
    note: `Subscribed "${filter}" as number ${sim.subscriptions.length + 1}${got > 0 ? `; it received ${got} retained message${got === 1 ? "" : "s"} at once` : ""}.`,
  };
}

export function unsubscribe(sim: PubSubSim, id: number): PubSubSim {
  const gone = sim.subscriptions.find((s) => s.id === id);
  if (!gone) return sim;
  return {
    ...sim,
    subscriptions: sim.subscriptions.filter((s) => s.id !== id),
    deliveries: sim.deliveries.filter((d) => d.subscriptionId !== id),
    note: `Unsubscribed "${gone.filter}".`,
  };
}

/** Publishes to every matching subscription, in subscription order. */
export function publish(sim: PubSubSim, topic: string): PubSubSim {
  const error = topicError(topic);
  if (error) return { ...sim, note: `Cannot publish to "${topic}": ${error}` };
  let order = 0;
  const deliveries = sim.subscriptions.map((s) => {
    const result = explainMatch(s.filter, topic);
    return { subscriptionId: s.id, filter: s.filter, order: result.matched ? ++order : null, reason: result.reason };
  });
  return {
    ...sim,
    lastTopic: topic,
    deliveries,
    retainedDeliveries: [],
    note: `Published to "${topic}": ${order} of ${sim.subscriptions.length} subscriptions received it.`,
  };
}

/** Stores a retained message for future subscribers; current ones receive nothing. */
export function retain(sim: PubSubSim, topic: string, message: string): PubSubSim {
  const error = topicError(topic);
  if (error) return { ...sim, note: `Cannot retain on "${topic}": ${error}` };
  const retained = [...sim.retained.filter((entry) => entry.topic !== topic), { topic, message }];
  return { ...sim, retained, note: `Retained "${message}" on "${topic}". Current subscribers get nothing; new matching ones get it at once.` };
}

/** The text alternative: what the picture shows. */
export function describePubSub(sim: PubSubSim): string {
  const parts = [sim.note];
  if (sim.lastTopic !== null && sim.deliveries.length > 0) {
    const got = sim.deliveries.filter((d) => d.order !== null).map((d) => `${d.order}. "${d.filter}"`);
    const missed = sim.deliveries.filter((d) => d.order === null).map((d) => `"${d.filter}"`);
    parts.push(`Delivered in order to: ${got.length > 0 ? got.join(", ") : "nobody"}.`);
    if (missed.length > 0) parts.push(`Not matched: ${missed.join(", ")}.`);
  }
  if (sim.retained.length > 0) parts.push(`Retained topics: ${sim.retained.map((entry) => entry.topic).join(", ")}.`);
  return parts.join(" ");
}
